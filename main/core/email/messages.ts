// The emails Roster sends: invite, password reset code, test. Each is plain text plus HTML; every value put
// into the HTML is escaped, and subjects are fixed strings (names never reach a header except via address objects).
export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const PRODUCT = 'Roster';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function describeLifetime(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

function compose(subject: string, greeting: string, paragraphs: string[], code: string | null, steps: string[]): ComposedEmail {
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(code ? [`Your code: ${code}`, ''] : []),
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    '',
    `— ${PRODUCT}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    code ? `<p>Your code: <strong style="font-family: monospace; font-size: 1.4em; letter-spacing: 0.1em">${escapeHtml(code)}</strong></p>` : '',
    steps.length ? `<ol>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>` : '',
    `<p>— ${PRODUCT}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

export function inviteEmail(p: { firstName: string; email: string; invitedBy: string; code: string; lifetimeHours: number }): ComposedEmail {
  return compose(
    `You're invited to ${PRODUCT}`,
    `Hello ${p.firstName},`,
    [
      `${p.invitedBy} has added you to ${PRODUCT}. To sign in, choose your password with the one-time code below.`,
      `The code works once and expires in ${describeLifetime(p.lifetimeHours)}. If it expires, ask your administrator to resend the invite.`,
    ],
    p.code,
    [
      `Open ${PRODUCT}.`,
      'On the sign-in screen, choose "Have an invite code?".',
      `Enter your email address (${p.email}), the code, and a new password of at least 12 characters.`,
      "You're signed in. From then on, sign in with your email address and that password.",
    ],
  );
}

export function resetEmail(p: { firstName: string; email: string; code: string; requestedByAdmin: boolean }): ComposedEmail {
  return compose(
    `Your ${PRODUCT} password reset code`,
    `Hello ${p.firstName},`,
    [
      p.requestedByAdmin
        ? `An administrator has reset your ${PRODUCT} password. Choose a new one with the code below.`
        : `Someone (hopefully you) asked to reset the ${PRODUCT} password for ${p.email}. If it wasn't you, ignore this email: your password stays as it is.`,
      'The code works once and expires in 1 hour. When you choose a new password, you are signed out everywhere else.',
    ],
    p.code,
    [
      `Open ${PRODUCT}.`,
      'On the sign-in screen, choose "Forgot password?", then "I have a code".',
      `Enter your email address (${p.email}), the code, and a new password of at least 12 characters.`,
    ],
  );
}

export function testEmail(p: { firstName: string; host: string }): ComposedEmail {
  return compose(
    `${PRODUCT} test email`,
    `Hello ${p.firstName},`,
    [`This is a test email from ${PRODUCT}, sent through ${p.host}. Email is working: invites and password reset codes will be delivered like this one.`],
    null,
    [],
  );
}

/** The instruction beside each code in a codes file handed to the admin (an import's, Resend invites'). */
export const HOW_TO_USE_CODE = 'On Roster’s sign-in page, choose “Have an invite code?”, then enter this email and code and choose a password.';
