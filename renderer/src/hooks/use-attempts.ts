// Work the app shell must not lose silently (loading where we are, signing out): a failure becomes a problem on
// screen with a retry, never an endless spinner or an unhandled rejection.
import { useCallback, useState } from 'react';

export interface Problem {
  message: string;
  retry: () => void;
}

export interface Attempts {
  problem: Problem | null;
  /** Runs `work`; on failure shows "`what`: reason" with a Retry that runs it again. Never rejects. */
  attempt: (what: string, work: () => Promise<unknown>) => Promise<boolean>;
}

export function useAttempts(): Attempts {
  const [problem, setProblem] = useState<Problem | null>(null);
  const attempt = useCallback((what: string, work: () => Promise<unknown>): Promise<boolean> => {
    const run = async (): Promise<boolean> => {
      try {
        await work();
        setProblem(null);
        return true;
      } catch (err) {
        setProblem({ message: `${what}: ${err instanceof Error ? err.message : String(err)}`, retry: () => void run() });
        return false;
      }
    };
    return run();
  }, []);
  return { problem, attempt };
}
