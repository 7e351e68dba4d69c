// How an export reaches the admin, whatever it exports: main writes the file itself, through a delivery the
// transport provides. Under Electron, to the path chosen in the system's save dialog (main/electron/save-file.ts);
// in browser mode, as a one-time download link the page opens (main/web/download-tickets.ts), because a plain
// link cannot carry the tab's key header.
import type { Writable } from 'node:stream';
import type { ExportOutcome } from '../../../common/activity.ts';

export interface ExportFile {
  /** A file name to suggest: letters, digits, dots and dashes only. */
  fileName: string;
  contentType: string;
  /** Throws the typed refusal when the admin who asked for it has lost access meanwhile (a download starts later). */
  authorise(): void;
  /** Writes the whole file to `out`; returns how many rows it held. */
  write(out: Writable, signal: AbortSignal): Promise<number>;
}

export interface FileDelivery {
  deliver(file: ExportFile): Promise<ExportOutcome>;
}
