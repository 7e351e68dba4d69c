// One place that confirms actions and reports failures: a queue of snackbars any component can add to.
import Alert, { type AlertColor } from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

interface Note {
  id: number;
  message: string;
  severity: AlertColor;
}

type Notify = (message: string, severity?: AlertColor) => void;

const SnackbarContext = createContext<Notify>(() => {});

/** Shows `message` briefly at the bottom of the window; errors stay longer so they can be read. */
export function useSnackbar(): Notify {
  return useContext(SnackbarContext);
}

let nextId = 1;

export function SnackbarProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Note[]>([]);
  const notify = useCallback<Notify>((message, severity = 'success') => {
    setQueue((q) => [...q, { id: nextId++, message, severity }]);
  }, []);
  const current = queue[0];
  const dismiss = () => setQueue((q) => q.slice(1));
  return (
    <SnackbarContext.Provider value={notify}>
      {children}
      <Snackbar
        key={current?.id}
        open={!!current}
        autoHideDuration={current?.severity === 'error' ? 8000 : 4000}
        onClose={(_, reason) => reason !== 'clickaway' && dismiss()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {current ? (
          <Alert
            severity={current.severity}
            variant="filled"
            onClose={dismiss}
            // Errors interrupt a screen reader; confirmations wait their turn.
            role={current.severity === 'error' ? 'alert' : 'status'}
            sx={{ width: '100%' }}
          >
            {current.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </SnackbarContext.Provider>
  );
}
