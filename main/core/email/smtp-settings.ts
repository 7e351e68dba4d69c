// The SMTP settings as Roster uses them, and how they are kept in the settings store: the password sealed by
// the SecretBox, never in plaintext, never sent to the renderer.
import type { EmailSettingsView, SmtpSettings } from '../../../common/contract.ts';
import type { SecretBox } from '../settings/secret-box.ts';
import type { SettingsStore } from '../settings/settings-store.ts';

export const DEFAULT_INVITE_LIFETIME_HOURS = 72;
const STORE_KEY = 'email';

/**
 * Why these settings must not be used to sign in to the server, or null. Sending the SMTP password over a
 * connection without TLS needs the admin's explicit confirmation, checked on save and again before every send
 * (settings saved by an older Roster have none).
 */
export function plaintextLoginRefusal(s: Pick<SmtpSettings, 'security' | 'username' | 'allowPasswordWithoutTls'>): string | null {
  if (s.security !== 'none' || !s.username || s.allowPasswordWithoutTls) return null;
  return 'With security "None" the SMTP password would cross the network unencrypted. Choose STARTTLS or SSL/TLS, or tick "Send the password without encryption" to confirm.';
}

/** What is written to config.json. */
/** At rest: the password sealed by the SecretBox (in memory, SmtpSettings.password is the plaintext, or empty). */
interface StoredSettings extends Omit<SmtpSettings, 'password'> {
  passwordSealed: string | null;
}

export class SmtpSettingsStore {
  constructor(
    private readonly store: SettingsStore,
    private readonly box: SecretBox,
  ) {}

  private stored(): StoredSettings | null {
    const value = this.store.get(STORE_KEY);
    if (!value || typeof value !== 'object') return null;
    const s = value as StoredSettings;
    // A hand-edited or older file without the essentials counts as "not configured" rather than crashing.
    if (typeof s.host !== 'string' || !s.host || typeof s.port !== 'number' || typeof s.fromAddress !== 'string') return null;
    return s;
  }

  /** The settings with the password decrypted, or null when email is not configured. */
  load(): SmtpSettings | null {
    const s = this.stored();
    if (!s) return null;
    const { passwordSealed, ...rest } = s;
    return {
      ...rest,
      allowPasswordWithoutTls: rest.allowPasswordWithoutTls,
      inviteLifetimeHours: rest.inviteLifetimeHours || DEFAULT_INVITE_LIFETIME_HOURS,
      password: this.open(passwordSealed),
    };
  }

  private open(sealed: string | null): string {
    if (!sealed) return '';
    try {
      return this.box.decrypt(sealed);
    } catch {
      return ''; // key lost or keychain changed: the admin must enter the password again (the view shows it unset)
    }
  }

  save(settings: SmtpSettings): void {
    const { password, ...rest } = settings;
    const stored: StoredSettings = { ...rest, passwordSealed: password ? this.box.encrypt(password) : null };
    this.store.set(STORE_KEY, stored);
  }

  clear(): void {
    this.store.delete(STORE_KEY);
  }

  view(): EmailSettingsView {
    const s = this.load();
    return {
      configured: s !== null,
      host: s?.host ?? '',
      port: s?.port ?? 587,
      security: s?.security ?? 'starttls',
      username: s?.username ?? '',
      passwordSet: !!s?.password,
      fromAddress: s?.fromAddress ?? '',
      fromName: s?.fromName ?? 'Roster',
      replyTo: s?.replyTo ?? '',
      allowSelfSigned: s?.allowSelfSigned ?? false,
      allowPasswordWithoutTls: s?.allowPasswordWithoutTls ?? false,
      inviteLifetimeHours: s?.inviteLifetimeHours ?? DEFAULT_INVITE_LIFETIME_HOURS,
      secretStorageWarning: this.box.weaknessWarning(),
    };
  }
}
