// Light and dark themes; the app follows the operating system's choice.
import { createTheme } from '@mui/material/styles';

export const makeTheme = (mode: 'light' | 'dark') =>
  createTheme({
    palette: { mode, primary: { main: mode === 'light' ? '#2b59c3' : '#8fb0ff' } },
    shape: { borderRadius: 8 },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { fullWidth: true, margin: 'normal' } },
    },
  });
