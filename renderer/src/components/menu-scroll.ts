// The People page's menus (row actions, Role, rows per page) leave the page's scrolling alone while open.
// MUI locks scrolling under a menu by hiding the page's scrollbar and padding the body, and undoes it on close:
// each is a layout of the whole page, one of them right after a choice whose request is then in flight, and the
// answer waited behind it (bench:ui, rows per page: the answer landed ~10 ms later with the lock).
export const KEEP_PAGE_SCROLL = { disableScrollLock: true } as const;
