// A file delivery that keeps each export for the test to write later, as a one-time download link would.
import { PassThrough } from 'node:stream';
import type { ExportOutcome } from '../../common/activity.ts';
import type { ExportFile, FileDelivery } from '../../main/core/exports/file-delivery.ts';

export class HeldDelivery implements FileDelivery {
  held: ExportFile[] = [];

  deliver(file: ExportFile): Promise<ExportOutcome> {
    this.held.push(file);
    return Promise.resolve({ kind: 'download', url: '/download/test', expiresAt: new Date().toISOString() });
  }

  /** Writes the latest (or given) file as the download would, and returns its bytes. */
  async bytes(file = this.held[this.held.length - 1]!): Promise<Buffer> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    file.authorise();
    await file.write(out, new AbortController().signal);
    return Buffer.concat(chunks);
  }
}
