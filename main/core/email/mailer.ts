// Sends email through nodemailer with the saved SMTP settings: short timeouts, named failures, and a record
// of sends in flight so shutting down can wait for them.
import type { Transporter } from 'nodemailer';
import { fullName, type UserRow } from '../db/users-repo.ts';
import { AppError } from '../errors.ts';
import type { SmtpSettings } from '../../../common/contract.ts';
import { plaintextLoginRefusal } from './smtp-settings.ts';
import { smtpFailure } from './smtp-errors.ts';
import type { ComposedEmail } from './messages.ts';

export const DEFAULT_SMTP_TIMEOUT_MS = 8000;

export interface Recipient {
  name: string;
  address: string;
}

/** A person as the To of an email: their name goes through an address object, never into a header by hand. */
export const recipientOf = (person: Pick<UserRow, 'first_name' | 'last_name' | 'email'>): Recipient => ({ name: fullName(person), address: person.email });

// Loaded on first use: nodemailer costs ~100 ms to load, and most launches send no email.
const loadNodemailer = () => import('nodemailer').then((m) => m.default);

async function transportFor(s: SmtpSettings, timeoutMs: number): Promise<Transporter> {
  const refusal = plaintextLoginRefusal(s);
  if (refusal) throw new AppError('SMTP_TLS', refusal, { field: 'allowPasswordWithoutTls' });
  const nodemailer = await loadNodemailer();
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.username ? { user: s.username, pass: s.password } : undefined,
    tls: { rejectUnauthorized: !s.allowSelfSigned, minVersion: 'TLSv1.2' },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Messages are built from text only; never let a field make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

export class Mailer {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(readonly timeoutMs = DEFAULT_SMTP_TIMEOUT_MS) {}

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  /** Connects, upgrades TLS and signs in, then disconnects. Throws a named SMTP_* AppError. */
  async verify(s: SmtpSettings): Promise<void> {
    const transport = await transportFor(s, this.timeoutMs);
    try {
      await this.track(transport.verify());
    } catch (err) {
      throw smtpFailure(err, s, this.timeoutMs);
    } finally {
      transport.close();
    }
  }

  /** Sends one message. Names go through address objects so nodemailer encodes them (no header injection). */
  async send(s: SmtpSettings, to: Recipient, email: ComposedEmail): Promise<void> {
    const transport = await transportFor(s, this.timeoutMs);
    try {
      await this.track(
        transport.sendMail({
          from: { name: s.fromName, address: s.fromAddress },
          to: { name: to.name, address: to.address },
          replyTo: s.replyTo ? { name: s.fromName, address: s.replyTo } : undefined,
          subject: email.subject,
          text: email.text,
          html: email.html,
        }),
      );
    } catch (err) {
      throw smtpFailure(err, s, this.timeoutMs);
    } finally {
      transport.close();
    }
  }

  /** Runs a send and its follow-up (audit) without making the caller wait; close() still waits for it. */
  inBackground(task: () => Promise<void>, onError: (err: unknown) => void): void {
    void this.track(task().catch(onError));
  }

  /** Waits for sends and checks in flight (used before closing the database their results are written to). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }
}
