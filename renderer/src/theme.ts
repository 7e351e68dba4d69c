// Light and dark themes; the app follows the operating system's choice, and its wish for less motion.
import { createTheme } from '@mui/material/styles';

/** No fades, slides or ripples: what a person who asked the system for reduced motion gets (and the e2e tests). */
const STILL = {
  transitions: {
    create: () => 'none',
    duration: { shortest: 0, shorter: 0, short: 0, standard: 0, complex: 0, enteringScreen: 0, leavingScreen: 0 },
  },
};

export const makeTheme = (mode: 'light' | 'dark', reduceMotion = false) =>
  createTheme({
    palette: { mode, primary: { main: mode === 'light' ? '#2b59c3' : '#8fb0ff' } },
    shape: { borderRadius: 8 },
    ...(reduceMotion ? STILL : {}),
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiButtonBase: { defaultProps: { disableRipple: reduceMotion } },
      MuiTextField: { defaultProps: { fullWidth: true, margin: 'normal' } },
    },
  });
