/**
 * "Forgot password"'s e-mail code (seed 000 Appendix A; seed 001): asked for with the license address, read from the
 * server's outbox and judged (its wording, its sender, its 24 hours written out), then typed with the new password.
 */
import { Violation } from '../../../kit/violation.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import { parseSentCode, type LoginUnderWay, type SentCode } from '../common/actors.js';
import { said } from '../common/support.js';
import { typedAtLogin } from '../common/used-codes.js';
import { kitEmail } from '../../../kit/kit-names.js';

export const EMAIL = kitEmail('Owner');
export const NEW = 'new password 2';
const DAY_MS = 24 * 60 * 60_000;

/** `address` with its domain (from the @ on) changed by `change`, its local part as it is. */
const withDomain = (address: string, change: (domain: string) => string): string => address.replace(/@.*$/, change);

/**
 * The license address as a person may type it, its domain in capitals: the same address, since a domain name is
 * case-insensitive (RFC 5321 §2.4), whatever a server makes of the local part's case.
 */
export const EMAIL_DOMAIN_IN_CAPITALS = withDomain(EMAIL, (domain) => domain.toUpperCase());

/** An address with its domain lower-cased (RFC 5321 §2.4): two addresses of one mailbox read the same. */
const mailbox = (address: string): string => withDomain(address, (domain) => domain.toLowerCase());

/** Whether the mail went to the license's mailbox: as set, or as typed with its domain in other capitals. */
const sameMailbox = (to: string | undefined) => to !== undefined && mailbox(to) === mailbox(EMAIL);

/**
 * "Forgot password" with the license address (`typed`, the address as set unless said otherwise): one e-mail to the
 * license's address, with the code and its expiry written out.
 */
export async function forgot(f: LoginUnderWay, typed = EMAIL): Promise<{ login: Login; mail: SentCode }> {
  const probe = await f.time.probe(() =>
    f.desk.call('loginForgotPassword', { params: { loginId: f.loginId }, body: { email: typed } }),
  );
  if (!probe.outcome.ok)
    throw new Violation(['PWL-03'], `"Forgot password" with the license address as ${typed}: ${said(probe.outcome)}`);
  const login = probe.outcome.value;
  const sent = await f.outbox.read();
  const mail = sent.length === 1 && sent[0]?.channel === 'email' && sameMailbox(sent[0].to) ? sent[0] : undefined;
  if (!mail) throw new Violation(['PWL-03'], `expected one e-mail to ${EMAIL}, the outbox has ${JSON.stringify(sent)}`);
  const code = parseSentCode(mail.text);
  if (!code || login.state !== 'forgot-password' || login.code?.letters !== code.letters) {
    throw new Violation(
      ['PWL-05'],
      `the e-mail says ${JSON.stringify(mail.text)}, the screen shows ${JSON.stringify(login.code)}`,
    );
  }
  const { sentAt, expiresAt, remainingMs } = login.code;
  if (expiresAt !== Math.floor(sentAt / 1000) * 1000 + DAY_MS) {
    throw new Violation(
      ['PWL-06'],
      `sent at ${new Date(sentAt).toISOString()}, the code lasts until ${new Date(expiresAt).toISOString()}`,
    );
  }
  if (remainingMs < expiresAt - probe.after || remainingMs > expiresAt - probe.before) {
    throw new Violation(
      ['PWL-08'],
      `the countdown shows ${remainingMs} ms, the code has ${expiresAt - probe.after} ms left`,
    );
  }
  verifyWording(mail, `${code.letters}-${code.digits}`);
  verifySender(mail.from);
  const last = new Date(expiresAt - 1000).toISOString();
  const [date, clock] = [last.slice(0, 10).split('-'), last.slice(11, 19)];
  if (!mail.text.includes(clock) || !date.every((part) => mail.text.includes(part))) {
    throw new Violation(
      ['PWL-07'],
      `the e-mail does not state the expiry ${last.slice(0, 19)} UTC: ${JSON.stringify(mail.text)}`,
    );
  }
  return { login, mail: code };
}

/** PWL-14: the seed's subject and body, with the product's own name and the edition ("CloudBacko Pro"). */
function verifyWording(mail: { subject?: string; text: string }, code: string): void {
  const subject = /^Recover Password Lock for (.*\b(?:Pro|Lite))$/.exec(mail.subject ?? '');
  const product = subject?.[1] ?? '';
  const asks = `Please enter the following verification code in ${product} to continue the recovery process.`;
  const lines = mail.text.split(/\r?\n/).map((line) => line.trim());
  if (!subject || !mail.text.includes(asks) || !lines.includes(code)) {
    throw new Violation(['PWL-14'], `the e-mail is ${JSON.stringify({ subject: mail.subject, text: mail.text })}`);
  }
}

/**
 * PWL-16: the seed's sample comes "From: PNS <…>" (its address redacted): the sender's display name is PNS, with an
 * address of any domain in angle brackets, the name optionally quoted (RFC 5322 §3.4).
 */
const PNS_SENDER = /^\s*(?:PNS|"PNS")\s*<[^<>@\s]+@[^<>@\s]+>\s*$/;

function verifySender(from: string | undefined): void {
  if (from === undefined || !PNS_SENDER.test(from)) {
    throw new Violation(
      ['PWL-16'],
      from === undefined
        ? 'the outbox records no sender (from) for the recovery e-mail'
        : `the recovery e-mail comes from ${JSON.stringify(from)}, not from "PNS <address>"`,
    );
  }
}

/** The e-mail code's digits and the new password typed at the login, the digits recorded in its history. */
export const reset = (f: LoginUnderWay, digits: string, confirm = NEW) =>
  typedAtLogin(f, 'email', digits, (typed) =>
    f.desk.call('loginResetPassword', {
      params: { loginId: f.loginId },
      body: { digits: typed, newPassword: NEW, confirmPassword: confirm },
    }),
  );
