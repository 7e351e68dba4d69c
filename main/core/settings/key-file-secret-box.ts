// Browser mode's SecretBox: AES-256-GCM with a random key kept in a file only the owner can read. Weaker than
// an OS keychain (anyone who can read the owner's files can decrypt), and the UI says so.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretBox } from './secret-box.ts';

export const KEY_FILE = 'secret.key';
const VERSION = 'v1';

export const KEY_FILE_WARNING =
  'The SMTP password is encrypted with a key kept in a file in Roster\'s data folder that only your account can read. ' +
  'This is weaker than an operating-system keychain: anyone who can read your files can recover it.';

/** A 32-byte key kept in `file` (created owner-only on first use; never overwritten once it exists). */
export function loadOrCreateKey(file: string): Buffer {
  try {
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new Error(`${file} is not a Roster key file. Move it aside; the SMTP password will need to be entered again.`);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const key = crypto.randomBytes(32);
  try {
    // 'wx': never overwrite a key another process created meanwhile (that would orphan its ciphertexts).
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
    throw err;
  }
}

export class KeyFileSecretBox implements SecretBox {
  private key: Buffer | null = null;
  readonly keyFile: string;

  constructor(dataDir: string) {
    this.keyFile = path.join(dataDir, KEY_FILE);
  }

  // Loaded on first use so a data folder without email settings never gets a key file.
  private getKey(): Buffer {
    this.key ??= loadOrCreateKey(this.keyFile);
    return this.key;
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.getKey(), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    const [version, data] = sealed.split(':');
    if (version !== VERSION || !data) throw new Error('not a sealed secret of this version');
    const raw = Buffer.from(data, 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.getKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  weaknessWarning(): string {
    return KEY_FILE_WARNING;
  }
}
