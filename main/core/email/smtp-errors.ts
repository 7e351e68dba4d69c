// Turns what nodemailer reports into a named failure an admin can act on (SMTP_* codes, on the form field to fix).
import type { SmtpSettings } from '../../../common/contract.ts';
import { AppError } from '../errors.ts';

interface MailError {
  code?: string;
  message?: string;
  responseCode?: number;
  response?: string;
  cause?: unknown;
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const DNS_CODES = new Set(['EDNS', 'ENOTFOUND', 'EAI_AGAIN']);
const TLS_PATTERN = /certificate|self[- ]signed|ssl|tls|wrong version number|handshake|packet length/i;

function describe(err: unknown): MailError {
  return err && typeof err === 'object' ? err : { message: String(err) };
}

export function smtpFailure(err: unknown, s: Pick<SmtpSettings, 'host' | 'port'>, timeoutMs: number): AppError {
  if (err instanceof AppError) return err;
  const e = describe(err);
  const cause = describe(e.cause);
  const message = `${e.message ?? ''} ${cause.message ?? ''}`;
  const where = `${s.host}:${s.port}`;
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.responseCode === 535) {
    return new AppError('SMTP_AUTH', 'Wrong username or password: the mail server refused to sign in.', { field: 'password' });
  }
  if (e.code === 'ETIMEDOUT' || /timed? ?out/i.test(message)) {
    return new AppError(
      'SMTP_TIMEOUT',
      `The mail server at ${where} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check the host and port, and whether the server expects SSL/TLS.`,
      { field: 'port' },
    );
  }
  if (/self[- ]signed|unable to verify|unable to get local issuer/i.test(message)) {
    return new AppError(
      'SMTP_TLS',
      'The mail server\'s certificate is self-signed or not trusted. If this is your own internal relay, turn on "Accept self-signed certificates".',
      { field: 'allowSelfSigned' },
    );
  }
  if (e.code === 'ETLS' || TLS_PATTERN.test(message)) {
    return new AppError(
      'SMTP_TLS',
      `TLS mismatch: the server at ${where} does not use the chosen security. SSL/TLS is usually port 465, STARTTLS port 587.`,
      { field: 'security' },
    );
  }
  if (DNS_CODES.has(e.code ?? '') || DNS_CODES.has(cause.code ?? '')) {
    return new AppError('SMTP_CONNECTION', `Wrong host or port: no mail server named "${s.host}" was found.`, { field: 'host' });
  }
  if (CONNECTION_CODES.has(e.code ?? '') || CONNECTION_CODES.has(cause.code ?? '')) {
    return new AppError('SMTP_CONNECTION', `Wrong host or port: could not connect to a mail server at ${where}.`, { field: 'port' });
  }
  const response = (e.response ?? e.message ?? 'no answer').split(/\r?\n/)[0]?.slice(0, 200);
  return new AppError('SMTP_FAILED', `The mail server refused the message: ${response}`);
}

/**
 * What a failed send is recorded and shown as: the named failure smtpFailure made of the server's answer, or, for
 * anything that never reached the server, a plain SMTP_FAILED. The one mapping every sender uses.
 */
export function mailFailure(err: unknown): AppError {
  return err instanceof AppError ? err : new AppError('SMTP_FAILED', 'The mail server could not be reached.');
}
