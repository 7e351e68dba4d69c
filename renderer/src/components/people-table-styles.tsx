// The People table's look as ONE set of rules, written once. Its rows are plain elements with class names, so a
// new page of rows computes no styles at all; a MUI TableCell, Select and IconButton per row each computed and
// hashed their styles on every render, which was most of the time a page took to draw. The values are MUI's own
// for a small body TableCell, a hover TableRow, a standard Select without underline and a small IconButton.
import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import type { SystemStyleObject } from '@mui/system';
import { memo } from 'react';

/** The table's class, and the class names its rows use; the rules below style them. */
export const TABLE_CLASS = 'people-table';
export const CELL = {
  wrap: 'people-cell-wrap',
  end: 'people-cell-end',
  role: 'people-role',
  roleIcon: 'people-role-icon',
  menuButton: 'people-menu-button',
  icon: 'people-icon',
  check: 'people-cell-check',
  checkbox: 'people-checkbox',
} as const;

/** Writes the rules when the page first shows, and again only if the theme changes (light/dark). */
export const PeopleTableStyles = memo(function PeopleTableStyles() {
  return <GlobalStyles styles={(theme: Theme) => ({ [`.${TABLE_CLASS}`]: peopleTableRules(theme) })} />;
});

function peopleTableRules(theme: Theme): SystemStyleObject<Theme> {
  const { palette } = theme;
  const border =
    palette.mode === 'light' ? theme.lighten(theme.alpha(palette.divider, 1), 0.88) : theme.darken(theme.alpha(palette.divider, 1), 0.68);
  const focusRing = { outline: `2px solid ${palette.primary.main}`, outlineOffset: 2 };
  return {
    tableLayout: 'fixed',
    '& > tbody > tr': { color: 'inherit', verticalAlign: 'middle', outline: 0 },
    '& > tbody > tr:hover': { backgroundColor: palette.action.hover },
    '& > tbody > tr > td': {
      ...theme.typography.body2,
      verticalAlign: 'inherit',
      borderBottom: `1px solid ${border}`,
      textAlign: 'left',
      padding: '6px 16px',
      color: palette.text.primary,
    },
    [`& > tbody > tr > td.${CELL.wrap}`]: { overflowWrap: 'anywhere' },
    [`& > tbody > tr[data-selected]`]: { backgroundColor: theme.alpha(palette.primary.main, palette.action.selectedOpacity) },
    // The tick column (rows and header): a native checkbox in the theme's colour, sized like MUI's small one.
    [`& td.${CELL.check}, & th.${CELL.check}`]: { width: 48, padding: '0 0 0 12px' },
    [`& .${CELL.checkbox}`]: {
      width: 18,
      height: 18,
      margin: 0,
      verticalAlign: 'middle',
      cursor: 'pointer',
      accentColor: palette.primary.main,
      '&:focus-visible': focusRing,
    },
    [`& > tbody > tr > td.${CELL.end}`]: { textAlign: 'right' },
    [`& .${CELL.icon}`]: { width: '1em', height: '1em', display: 'block', flexShrink: 0, fill: 'currentColor' },
    // The role dropdown's closed look: text and a drop-down arrow, the whole box a target.
    [`& .${CELL.role}`]: {
      ...theme.typography.body1,
      fontSize: 'inherit',
      lineHeight: '1.4375em',
      position: 'relative',
      display: 'inline-block',
      minWidth: 88,
      padding: '6px 24px 3px 0',
      cursor: 'pointer',
      userSelect: 'none',
      whiteSpace: 'nowrap',
      color: palette.text.primary,
      '&:focus-visible': focusRing,
      '&[aria-disabled="true"]': { color: palette.text.disabled, cursor: 'default' },
    },
    [`& .${CELL.roleIcon}`]: {
      position: 'absolute',
      right: 0,
      top: 'calc(50% - .5em)',
      fontSize: 24,
      pointerEvents: 'none',
      color: palette.action.active,
    },
    [`& .${CELL.role}[aria-expanded="true"] .${CELL.roleIcon}`]: { transform: 'rotate(180deg)' },
    [`& .${CELL.role}[aria-disabled="true"] .${CELL.roleIcon}`]: { color: palette.action.disabled },
    // The row menu's three dots: a small round icon button.
    [`& .${CELL.menuButton}`]: {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      verticalAlign: 'middle',
      boxSizing: 'border-box',
      width: 30,
      height: 30,
      padding: 5,
      margin: 0,
      border: 0,
      borderRadius: '50%',
      backgroundColor: 'transparent',
      color: palette.action.active,
      fontSize: 20,
      cursor: 'pointer',
      transition: theme.transitions.create('background-color', { duration: theme.transitions.duration.shortest }),
      '&:hover, &[aria-expanded="true"]': { backgroundColor: palette.action.hover },
      '&:focus-visible': { ...focusRing, backgroundColor: palette.action.focus },
    },
  };
}
