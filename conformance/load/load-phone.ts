/**
 * One simulated phone of a load run, speaking protocol v1 through the kit's client: paired by a token the desktop
 * side issues, it backs up a few small items, restores them byte for byte, registers for 2FA by the QR code's
 * token, and logs the desktop in by push approval or by a one-time password. Each step is an operation (timed as a
 * whole) made of requests (each timed on its own); a failure is thrown with its catalogued code.
 */
import { Agent } from 'node:http';
import { ClientError } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import { decodeRegistrationPayload } from '../spec/protocol/two-factor-payload.js';
import type { Login } from '../spec/protocol/two-factor-login.js';
import type { RouteName } from '../spec/protocol/routes.js';
import { totpAt, PERIOD_MS } from '../../simulators/app/authenticator/totp.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { bytesOf, identity, metaOf, sha256 } from '../kit/server-support.js';
import { kitName } from '../kit/kit-names.js';
import type { LoadPlan } from './load-plan.js';
import type { LoadRecorder } from './load-recorder.js';

/** How often the phone asks the push service for its notifications while a login waits for it. */
const PUSH_POLL_MS = 50;

export interface PhoneContext {
  readonly plan: LoadPlan;
  readonly edition: Edition;
  readonly recorder: LoadRecorder;
  /** A prefix of every install id this run makes, so two runs against one server never collide. */
  readonly runId: string;
}

interface HeldItem {
  readonly sha256: string;
  readonly bytes: Buffer;
}

export class LoadPhone {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 2 });
  private readonly app: MbsClient;
  private readonly desktop: MbsClient;
  private readonly held: HeldItem[] = [];
  private authenticator: { id: string; secret: string } | undefined;
  private backups = 0;
  /** How many of the held items a committed snapshot has: only those are restored. */
  private committed = 0;
  private lastOtpStep = -1;
  private seenNotification = 0;

  constructor(
    private readonly index: number,
    private readonly ctx: PhoneContext,
  ) {
    const options = { baseUrl: ctx.plan.server, timeoutMs: ctx.plan.requestTimeoutMs, agent: this.agent };
    this.app = new MbsClient(options);
    this.desktop = new MbsClient({ ...options, consoleKey: ctx.plan.consoleKey });
  }

  /** Whether a backup of this phone was committed, so that there is something to restore. */
  get restorable(): boolean {
    return this.committed > 0;
  }

  /** A one-time password can be used once per 30 s step: whether this phone's next one would be fresh. */
  otpReady(now = Date.now()): boolean {
    return Math.floor(now / PERIOD_MS) > this.lastOtpStep;
  }

  close(): void {
    this.agent.destroy();
  }

  async pair(): Promise<void> {
    const pairing = await this.request('createPairing', () =>
      this.desktop.call('createPairing', { body: { mode: 'add' } }),
    );
    const platform = this.index % 2 === 0 ? 'android' : 'ios';
    const device = identity(`Load ${this.index}`, platform, `${this.ctx.runId}-${this.index}`);
    const paired = await this.request('pair', () =>
      this.app.call('pair', { body: { token: pairing.token, edition: this.ctx.edition, device } }),
    );
    this.app.deviceKey = paired.deviceKey;
  }

  /** A backup job of fresh items (their bytes drawn from the seed), then a snapshot of everything held. */
  async backup(): Promise<void> {
    const { backupId } = await this.request('startBackup', () => this.app.call('startBackup', { body: {} }));
    const round = this.backups++;
    for (let i = 0; i < this.ctx.plan.items; i++) {
      const bytes = bytesOf(
        this.ctx.plan.seed ^ (this.index * 7919 + round * 104729 + i * 31 + 1),
        this.ctx.plan.itemBytes,
      );
      const item = { sha256: sha256(bytes), bytes };
      const meta = metaOf('photo', `IMG_${this.index}_${round}_${i}`, i);
      const created = await this.request('createUpload', () =>
        this.app.call('createUpload', { body: { backupId, sha256: item.sha256, size: bytes.length, meta } }),
      );
      if (created.status !== 'duplicate') {
        const { uploadId, offset } = created.upload;
        const appended = await this.request('appendUpload', () =>
          this.app.append(uploadId, offset, bytes.subarray(offset)),
        );
        if (!appended.complete) unexpected('the upload is not complete after all its bytes');
      }
      this.held.push(item);
    }
    const present = this.held.map((h) => h.sha256);
    await this.request('commitBackup', () =>
      this.app.call('commitBackup', { params: { backupId }, body: { present, accounts: [] } }),
    );
    this.committed = present.length;
  }

  /** The latest snapshot, the first page of items, and the bytes of the last few backed up, compared. */
  async restore(): Promise<void> {
    await this.request('getLatestSnapshot', () => this.app.call('getLatestSnapshot'));
    await this.request('listItems', () => this.app.call('listItems', { query: { limit: 100 } }));
    for (const item of this.held.slice(0, this.committed).slice(-this.ctx.plan.items)) {
      const bytes = await this.request('downloadItem', () => this.app.download(item.sha256));
      if (!bytes.equals(item.bytes)) unexpected(`restored bytes of ${item.sha256} differ from those backed up`);
    }
  }

  /** The desktop side adds a registration; the phone scans its QR code and becomes an authenticator. */
  async register(): Promise<void> {
    const registration = await this.request('createRegistration', () =>
      this.desktop.call('createRegistration', { body: {} }),
    );
    const { token } = decodeRegistrationPayload(registration.payload);
    const platform = this.index % 2 === 0 ? 'android' : 'ios';
    const answer = await this.request('registerAuthenticator', () =>
      this.app.call('registerAuthenticator', {
        body: {
          registrationToken: token,
          name: kitName(`Load ${this.index}`),
          platform,
          installId: `${this.ctx.runId}-${this.index}`,
        },
      }),
    );
    this.app.authenticatorKey = answer.authenticatorKey;
    this.authenticator = { id: answer.authenticatorId, secret: answer.account.secret };
  }

  /** The desktop logs in; the push request reaches this phone, which approves it. */
  async loginByPush(): Promise<void> {
    const { id } = this.requireAuthenticator();
    const loginId = await this.firstFactor();
    const sent = await this.request('loginPush', () =>
      this.desktop.call('loginPush', { params: { loginId }, body: { authenticatorId: id } }),
    );
    const requestId = sent.push?.requestId ?? unexpected(`the login is ${sent.state} after sending a push request`);
    await this.awaitNotification(requestId);
    const number = sent.push?.number;
    await this.request('answerPush', () =>
      this.app.call('answerPush', {
        params: { requestId },
        body: { decision: 'approve', ...(number === undefined ? {} : { number }) },
      }),
    );
    const login = await this.request('getLogin', () => this.desktop.call('getLogin', { params: { loginId } }));
    expectLoggedIn(login);
  }

  /** The desktop logs in with the one-time password this phone shows now. */
  async loginByOtp(): Promise<void> {
    const { id, secret } = this.requireAuthenticator();
    const loginId = await this.firstFactor();
    const now = Date.now();
    const code = totpAt(secret, now);
    this.lastOtpStep = Math.floor(now / PERIOD_MS);
    const login = await this.request('loginOtp', () =>
      this.desktop.call('loginOtp', { params: { loginId }, body: { code, authenticatorId: id } }),
    );
    expectLoggedIn(login);
  }

  /** Starts a login and gives the password where the server has a lock: the login is then at its second factor. */
  private async firstFactor(): Promise<string> {
    const started = await this.request('startLogin', () => this.desktop.call('startLogin', { body: {} }));
    if (started.state !== 'password') return started.loginId;
    const password = this.ctx.plan.password;
    if (password === undefined) {
      unexpected('the server has a password lock: give its password (--password) for logins');
    }
    await this.request('loginPassword', () =>
      this.desktop.call('loginPassword', { params: { loginId: started.loginId }, body: { password } }),
    );
    return started.loginId;
  }

  /** Polls the push service until the request shows up, as the app does when notified. */
  private async awaitNotification(requestId: string): Promise<void> {
    const deadline = Date.now() + this.ctx.plan.requestTimeoutMs;
    while (Date.now() < deadline) {
      const after = this.seenNotification;
      const page = await this.request('listNotifications', () =>
        this.app.call('listNotifications', { query: { after } }),
      );
      this.seenNotification = page.last;
      if (page.notifications.some((n) => n.requestId === requestId)) return;
      await new Promise((resolve) => setTimeout(resolve, PUSH_POLL_MS));
    }
    throw new ClientError('timeout', `push request ${requestId} did not reach the phone`);
  }

  private requireAuthenticator(): { id: string; secret: string } {
    return this.authenticator ?? unexpected('the phone is not registered for 2FA');
  }

  private request<T>(route: RouteName, task: () => Promise<T>): Promise<T> {
    return this.ctx.recorder.time('request', route, task);
  }
}

function expectLoggedIn(login: Login): void {
  if (login.state !== 'logged-in') unexpected(`the login is ${login.state}, not logged-in`);
}

function unexpected(what: string): never {
  throw new ClientError('load-answer-unexpected', what);
}
