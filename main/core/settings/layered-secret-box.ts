// Seals with the preferred box and opens with whichever box sealed the secret, so a password saved in browser
// mode (key file) still opens under Electron (keychain) on the same data folder, and is re-sealed on next save.
import type { SecretBox } from './secret-box.ts';

export function layeredSecretBox(preferred: SecretBox, ...older: SecretBox[]): SecretBox {
  return {
    encrypt: (plain) => preferred.encrypt(plain),
    decrypt(sealed) {
      let lastError: unknown;
      for (const box of [preferred, ...older]) {
        try {
          return box.decrypt(sealed);
        } catch (err) {
          lastError = err;
        }
      }
      throw lastError;
    },
    weaknessWarning: () => preferred.weaknessWarning(),
  };
}
