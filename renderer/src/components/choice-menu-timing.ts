// How the People page's choice lists (Role, rows per page) open and close.
// They grow open as MUI's do, but close at once on a choice: the choice sends a request, and on a 2-core machine
// the frames of a closing fade compete for the CPU with main answering it (measured by bench:ui: the answer to a
// rows-per-page change came 20–40 ms later than the same request made from an idle page).
export const CHOICE_MENU_TRANSITION = { enter: 250, exit: 0 } as const;
