// One place that confirms actions and reports failures: a queue of snackbars any component can add to.
import Alert, { type AlertColor } from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

/** A button in the snackbar (Undo), and how long the snackbar stays for it. */
export interface NoteAction {
  label: string;
  onClick: () => void;
  durationMs: number;
}

interface Note {
  id: number;
  message: string;
  severity: AlertColor;
  action?: NoteAction;
}

type Notify = (message: string, severity?: AlertColor, action?: NoteAction) => void;

const SnackbarContext = createContext<Notify>(() => {});

/** Shows `message` briefly at the bottom of the window; errors stay longer so they can be read. */
export function useSnackbar(): Notify {
  return useContext(SnackbarContext);
}

let nextId = 1;

export function SnackbarProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Note[]>([]);
  const notify = useCallback<Notify>((message, severity = 'success', action) => {
    setQueue((q) => [...q, { id: nextId++, message, severity, action }]);
  }, []);
  const current = queue[0];
  const dismiss = () => setQueue((q) => q.slice(1));
  return (
    <SnackbarContext.Provider value={notify}>
      {children}
      <Snackbar
        key={current?.id}
        open={!!current}
        autoHideDuration={current?.action?.durationMs ?? (current?.severity === 'error' ? 8000 : 4000)}
        onClose={(_, reason) => reason !== 'clickaway' && dismiss()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {current ? (
          <Alert
            severity={current.severity}
            variant="filled"
            onClose={dismiss}
            action={
              current.action ? (
                <>
                  <Button
                    color="inherit"
                    size="small"
                    onClick={() => {
                      current.action?.onClick();
                      dismiss();
                    }}
                  >
                    {current.action.label}
                  </Button>
                  <Button color="inherit" size="small" onClick={dismiss} aria-label="Close">
                    Close
                  </Button>
                </>
              ) : undefined
            }
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
