// How the People page's menus (row actions, Role, rows per page) open and close. A choice in one of them sends a
// request; whatever the menu does as it closes runs while that request flies, and its answer waits behind it.
export const PAGE_MENU_PROPS = {
  // MUI locks scrolling under a menu by hiding the page's scrollbar and padding the body, and undoes it on close:
  // a layout of the whole page each time (rows per page: the answer landed ~10 ms later with it, A/B in one run).
  disableScrollLock: true,
  // MUI's menus grow and fade for a time worked out from their height ("auto"), which reads the height and so
  // forces a layout as they open and again as they close. A fixed time, what "auto" gives a menu of 2–3 items
  // (230–250 ms), looks the same without it.
  transitionDuration: 250,
} as const;
