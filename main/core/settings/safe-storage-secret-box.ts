// Electron's SecretBox over safeStorage (OS keychain). Takes safeStorage as a parameter so main/core never
// imports electron; main/electron passes `safeStorage` from 'electron'.
import type { SecretBox } from './secret-box.ts';

/** The part of Electron's safeStorage this adapter uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keychain was found and a hard-coded key is used. */
  getSelectedStorageBackend?(): string;
}

export const BASIC_TEXT_WARNING =
  'No system keychain was found (Linux "basic_text" backend), so the SMTP password is only obscured, not protected ' +
  'by a keychain. Anyone who can read your files can recover it.';

export function safeStorageSecretBox(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretBox {
  return {
    encrypt(plain) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('Encryption is not available on this system.');
      return `ss1:${safeStorage.encryptString(plain).toString('base64')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('ss1:')) throw new Error('not a safeStorage secret');
      return safeStorage.decryptString(Buffer.from(sealed.slice(4), 'base64'));
    },
    weaknessWarning() {
      if (platform !== 'linux') return null;
      const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
      return backend === 'basic_text' || backend === 'unknown' ? BASIC_TEXT_WARNING : null;
    },
  };
}
