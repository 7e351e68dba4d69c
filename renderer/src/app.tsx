// The app's top level: theme, styles and snackbars around the screens (screens.tsx picks which page shows).
import { CacheProvider } from '@emotion/react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useMemo } from 'react';
import { SnackbarProvider } from './components/snackbar-provider.tsx';
import { Screens } from './screens.tsx';
import { createStyleCache } from './style-cache.ts';
import { makeTheme } from './theme.ts';

const styleCache = createStyleCache();

export function App() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)');
  const reduceMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useMemo(() => makeTheme(dark ? 'dark' : 'light', reduceMotion), [dark, reduceMotion]);
  return (
    <CacheProvider value={styleCache}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <SnackbarProvider>
          <Screens />
        </SnackbarProvider>
      </ThemeProvider>
    </CacheProvider>
  );
}
