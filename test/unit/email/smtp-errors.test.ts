// The one mapping from what nodemailer reports to the failure an admin reads (and the audit records).
import { describe, expect, it } from 'vitest';
import { mailFailure, smtpFailure } from '../../../main/core/email/smtp-errors.ts';
import { AppError } from '../../../main/core/errors.ts';

const SERVER = { host: 'mail.example.org', port: 587 };

describe('smtpFailure names what went wrong, on the field to fix', () => {
  it.each([
    [{ code: 'EAUTH', message: 'Invalid login' }, 'SMTP_AUTH', 'password', /^Wrong username or password/],
    [{ responseCode: 535, message: '535 nope' }, 'SMTP_AUTH', 'password', /^Wrong username or password/],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'SMTP_TIMEOUT', 'port', /did not answer within 2 seconds/],
    [{ message: 'self-signed certificate in certificate chain' }, 'SMTP_TLS', 'allowSelfSigned', /self-signed or not trusted/],
    [{ code: 'ETLS', message: 'wrong version number' }, 'SMTP_TLS', 'security', /^TLS mismatch: the server at mail\.example\.org:587/],
    [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND' }, 'SMTP_CONNECTION', 'host', /no mail server named "mail\.example\.org"/],
    [{ code: 'ESOCKET', message: 'x', cause: { code: 'ECONNREFUSED' } }, 'SMTP_CONNECTION', 'port', /could not connect to a mail server at mail\.example\.org:587/],
    [{ code: 'EENVELOPE', response: '550 5.1.1 mailbox unavailable\r\nmore' }, 'SMTP_FAILED', undefined, /^The mail server refused the message: 550 5\.1\.1 mailbox unavailable$/],
  ])('%o → %s', (err, code, field, message) => {
    const failure = smtpFailure(err, SERVER, 2000);
    expect(failure.code).toBe(code);
    expect(failure.field).toBe(field);
    expect(failure.message).toMatch(message);
  });

  it('passes a failure that is already named through unchanged', () => {
    const named = new AppError('SMTP_TLS', 'refused');
    expect(smtpFailure(named, SERVER, 2000)).toBe(named);
  });
});

describe('mailFailure: what a failed send is recorded and shown as', () => {
  it.each([
    [new AppError('SMTP_AUTH', 'Wrong username or password.'), 'SMTP_AUTH', 'Wrong username or password.'],
    [new Error('Cannot find module nodemailer'), 'SMTP_FAILED', 'The mail server could not be reached.'],
    ['a thrown string', 'SMTP_FAILED', 'The mail server could not be reached.'],
    [undefined, 'SMTP_FAILED', 'The mail server could not be reached.'],
  ])('%o → %s', (err, code, message) => {
    expect(mailFailure(err)).toMatchObject({ code, message });
  });
});
