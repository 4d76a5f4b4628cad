/**
 * The parties of the 2FA server checks, spoken to only through the protocol: authenticators registered by QR code
 * or by secret key, their one-time passwords, the outbox that stands in for the SMS and e-mail gateway, and the
 * codes it carries (`ABCD-123456`).
 */
import { MbsError } from '../../../spec/errors.js';
import type { OutboxMessage } from '../../../spec/protocol/two-factor.js';
import { decodeRegistrationPayload } from '../../../spec/protocol/two-factor-payload.js';
import { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { newInstallId } from '../../../kit/server-support.js';
import { kitName } from '../../../kit/kit-names.js';
import { Violation } from '../../../kit/violation.js';
import type { HistoryRecorder } from '../../../kit/history/history.js';
import { attempt, Untestable, type ServerTime } from './support.js';
import { refusedOtpError } from './otp-refusal.js';
import { waitToSitOut } from './retry-after.js';
import { codeAt, STEP_MS, stepOf } from './totp-steps.js';
import { seqPageProblem } from './seq-pages.js';

export interface ServerAuthenticator {
  readonly id: string;
  /** The name it was registered under: the one asked for, marked as the kit's (kit-names.ts). */
  readonly name: string;
  readonly secret: string;
  /** The app's side: PNS polling, push answers, recovery phone (bearer authenticator key). */
  readonly client: MbsClient;
  readonly push: boolean;
}

/** The app scanning the desktop's QR code: push and one-time passwords; named `base`, marked as the kit's. */
export async function registerByQr(
  desk: MbsClient,
  url: string,
  base: string,
  deviceId?: string,
): Promise<ServerAuthenticator> {
  const name = kitName(base);
  const registration = await desk.call('createRegistration', { body: {} });
  const payload = decodeRegistrationPayload(registration.payload);
  const client = new MbsClient({ baseUrl: url });
  const registered = await client.call('registerAuthenticator', {
    body: {
      registrationToken: payload.token,
      name,
      platform: 'android',
      installId: newInstallId(),
      ...(deviceId ? { deviceId } : {}),
    },
  });
  client.authenticatorKey = registered.authenticatorKey;
  // The key the scanning app is given: the registration's, or one of its own (TOTP-10 judges the saved one).
  return { id: registered.authenticatorId, name, secret: registered.account.secret, client, push: true };
}

/**
 * "Not able to scan QR code?": the username and secret key, proven with the code of the current step (which is
 * then used up); named `base`, marked as the kit's. Returns the step of that code too.
 */
export async function registerBySecretKey(
  desk: MbsClient,
  url: string,
  base: string,
  time: ServerTime,
): Promise<ServerAuthenticator & { readonly usedStep: number }> {
  const name = kitName(base);
  const registration = await desk.call('createRegistration', { body: {} });
  const client = new MbsClient({ baseUrl: url });
  const usedStep = stepOf(time.now());
  const body = {
    username: registration.username,
    secret: registration.secret,
    code: codeAt(registration.secret, usedStep),
    name,
    platform: 'ios' as const,
    installId: newInstallId(),
  };
  const registered = await throttleAware(time, () => client.call('registerBySecret', { body }));
  client.authenticatorKey = registered.authenticatorKey;
  return { id: registered.authenticatorId, name, secret: registration.secret, client, push: false, usedStep };
}

/** Runs a call; when earlier failures (another check's) have it throttled, waits the throttle out and retries. */
export async function throttleAware<T>(time: ServerTime, call: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(call());
    if (outcome.ok) return outcome.value;
    if (outcome.code !== 'otp-throttled' || tries >= 3) throw new MbsError(outcome.code, undefined, outcome.details);
    if (!time.movable) throw new Untestable('the server is throttling attempts after earlier failures');
    await time.advance(waitToSitOut(outcome));
  }
}

/**
 * Resets the server's count of failed one-time passwords with a success: a login with `auth`'s code of the next
 * free step. Returns the step used. Needed before a check that counts failures itself.
 */
export async function settleOtp(
  desk: MbsClient,
  time: ServerTime,
  auth: ServerAuthenticator,
  lastStep: number,
): Promise<number> {
  for (let tries = 0; tries < 4; tries++) {
    // The reading the code is made from, named in the message if the code is refused.
    let kitMs = time.now();
    const step = Math.max(stepOf(kitMs), lastStep + 1);
    if (step > stepOf(kitMs) + 1) {
      await time.moveTo(step * STEP_MS);
      kitMs = time.now();
    }
    const login = await desk.call('startLogin', { body: {} });
    const body = { code: codeAt(auth.secret, step), authenticatorId: auth.id };
    const outcome = await attempt(desk.call('loginOtp', { params: { loginId: login.loginId }, body }));
    if (outcome.ok) return step;
    if (outcome.code !== 'otp-throttled') {
      throw refusedOtpError({
        refusal: outcome.code,
        code: body.code,
        authenticator: auth,
        step,
        stepMs: STEP_MS,
        kitMs,
        kitSource: time.source,
        serverMs: login.createdAt,
      });
    }
    // Without a clock to wait with, the checks never fail five codes in a row and end each run of failures with a
    // success: a server throttling now throttled before the sixth consecutive failure, or kept the count a success
    // should have reset.
    if (!time.movable) {
      throw new Violation(
        ['TOTP-18'],
        `a current one-time password was answered otp-throttled (retryAfterMs ${String(outcome.details?.['retryAfterMs'])}) ` +
          'after at most four consecutive failures since the last success; throttling begins at the sixth',
      );
    }
    await time.advance(waitToSitOut(outcome));
  }
  throw new Error('the server kept throttling one-time passwords');
}

/** A verification code as sent: the letters the screen shows and the digits the user types. */
export interface SentCode {
  readonly letters: string;
  readonly digits: string;
}

/** The code a message's text carries: PROTOCOL.md has it there once, so a text with none, or with two, has none. */
export function parseSentCode(text: string): SentCode | undefined {
  const matches = [...text.matchAll(/\b([A-Z]{4})-(\d{6})\b/g)];
  const match = matches.length === 1 ? matches[0] : undefined;
  return match ? { letters: match[1] as string, digits: match[2] as string } : undefined;
}

/** The reference server's outbox: the SMS and e-mail messages its gateway sent, read from a mark on. */
/** A desktop login under way, with what its checks need: the desktop client, the server's time and the outbox. */
export interface LoginUnderWay {
  readonly desk: MbsClient;
  readonly time: ServerTime;
  readonly outbox: Outbox;
  readonly loginId: string;
  /** Where the codes typed at this login are recorded, to be judged accepted at most once (REC-14). */
  readonly history?: HistoryRecorder;
}

export class Outbox {
  private constructor(
    private readonly desk: MbsClient,
    private last: number,
  ) {}

  /** The outbox, or Untestable on a server that has none (a vendor's sends real SMS and e-mail). */
  static async open(desk: MbsClient): Promise<Outbox> {
    const probe = await attempt(desk.call('listOutbox', { query: { after: 0, limit: 1 } }));
    if (!probe.ok) {
      throw new Untestable(
        `reads SMS and e-mail codes from the server's outbox (GET /v1/console/outbox), which it refused (${probe.code})`,
      );
    }
    const outbox = new Outbox(desk, 0);
    await outbox.read();
    return outbox;
  }

  /** Messages sent since the last read. */
  async read(): Promise<OutboxMessage[]> {
    const messages: OutboxMessage[] = [];
    for (;;) {
      const page = await this.desk.call('listOutbox', { query: { after: this.last } });
      const problem = seqPageProblem(
        page.messages.map((m) => m.seq),
        this.last,
        page.last,
      );
      // The codes the checks read come from here: an outbox out of order could hand them another message's code.
      if (problem) throw new Error(`the outbox (GET /v1/console/outbox): ${problem}`);
      messages.push(...page.messages);
      if (page.messages.length === 0) return messages;
      this.last = page.last;
    }
  }
}
