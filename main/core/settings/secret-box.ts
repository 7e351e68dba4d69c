// Encrypts secrets at rest (the SMTP password). Electron uses the OS keychain via safeStorage; browser mode
// uses a key file readable by its owner only. Both say when the protection is weaker than a keychain.
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** A sentence for the UI when secrets are not protected by an OS keychain, else null. */
  weaknessWarning(): string | null;
}
