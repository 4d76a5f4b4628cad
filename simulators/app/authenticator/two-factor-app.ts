/**
 * The app's 2FA page against a server (seed 000 §6.3, §6.4.4, Appendix A): registering by QR (push and TOTP) or by
 * username and secret key (TOTP only), receiving push requests from the push notification service (with a device
 * notification where notifications are allowed) and approving or rejecting them, and the recovery phone. Enhanced
 * security asks for the device password or a biometric before the page opens and before an approval.
 */
import type { Static } from 'typebox';
import { ClientError } from '../../../conformance/spec/errors.js';
import { decodeRegistrationPayload } from '../../../conformance/spec/protocol/two-factor-payload.js';
import type { Notification } from '../../../conformance/spec/protocol/two-factor.js';
import { allNotificationsAfter } from '../../mbs-client/listing-pages.js';
import { MbsClient } from '../../mbs-client/mbs-client.js';
import { urlHost } from '../connection.js';
import type { MobileApp } from '../mobile-app.js';
import type { Account, ShownCode } from './accounts.js';
import type { Attempt } from './enhanced-security.js';
import type { TwoFactorRegistration } from './registration-log.js';
import { totpAt } from './totp.js';

type PushRequest = Static<typeof Notification>;

/** A registration with one server: how the app reaches that server's push notification service. */
interface Link {
  readonly accountId: string;
  readonly authenticatorId: string;
  readonly client: MbsClient;
  lastSeq: number;
}

export class TwoFactorApp {
  private readonly links: Link[] = [];
  private readonly requests = new Map<string, { link: Link; request: PushRequest }>();

  constructor(private readonly app: MobileApp) {}

  /** "Scan QR code in your application": registers for push and TOTP. */
  async scanRegistrationQr(text: string): Promise<Account> {
    const payload = decodeRegistrationPayload(text);
    const client = new MbsClient({ baseUrl: `http://${urlHost(payload.host)}:${payload.tcp}` });
    try {
      const registered = await client.call('registerAuthenticator', {
        body: {
          registrationToken: payload.token,
          ...this.identity(),
          ...(this.app.pairing ? { deviceId: this.app.pairing.deviceId } : {}),
        },
      });
      client.authenticatorKey = registered.authenticatorKey;
      this.app.accounts.restore([registered.account]);
      this.links.push({
        accountId: registered.account.id,
        authenticatorId: registered.authenticatorId,
        client,
        lastSeq: 0,
      });
      this.logRegistration({ how: 'qr', edition: payload.edition, host: payload.host });
      return registered.account;
    } catch (error) {
      this.app.log.add('2FA', 'Error', `2FA registration failed: ${(error as Error).message}`);
      throw error;
    }
  }

  /** "Not able to scan QR code?": the username and secret key the desktop shows, confirmed with a code. */
  async registerBySecret(serverUrl: string, issuer: string, username: string, secret: string): Promise<Account> {
    const account = this.app.accounts.addFromSecret(issuer, username, secret);
    const client = new MbsClient({ baseUrl: serverUrl });
    try {
      await client.call('registerBySecret', {
        body: {
          username: account.label,
          secret: account.secret,
          code: totpAt(account.secret, this.now()),
          ...this.identity(),
        },
      });
      this.logRegistration({ how: 'secret-key', username });
      return account;
    } catch (error) {
      if (!this.app.rules.keepsRefusedAccount()) this.app.accounts.remove(account.id);
      this.app.log.add('2FA', 'Error', `2FA registration failed: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Opening the 2FA page: the accounts and their codes, after the device authentication enhanced security asks for. */
  openPage(attempt?: Attempt): ShownCode[] {
    this.app.security.guard('open', attempt);
    return this.app.accounts.codes(this.now());
  }

  /** Polls the push notification service of every server the app is registered with; new requests reach the inbox. */
  async receivePush(): Promise<PushRequest[]> {
    if (!this.app.device.network.internet) return [];
    const fresh: PushRequest[] = [];
    for (const link of this.links) {
      const page = await allNotificationsAfter(link.client, link.lastSeq);
      link.lastSeq = Math.max(link.lastSeq, page.last);
      for (const request of page.notifications) {
        this.requests.set(request.requestId, { link, request });
        if (this.app.rules.notificationsAllowed(this.app.device)) this.notify(request);
        fresh.push(request);
      }
    }
    return fresh;
  }

  /** The device notification for a push request. */
  private notify(request: PushRequest): void {
    this.app.device.receivePush({
      id: request.requestId,
      receivedAt: this.now(),
      title: 'Login request',
      body: `Approve the login to ${request.machine}?`,
      data: { requestId: request.requestId, loginId: request.loginId },
    });
  }

  async answer(
    requestId: string,
    decision: 'approve' | 'reject',
    options: { attempt?: Attempt; number?: number } = {},
  ): Promise<string> {
    const known = this.requests.get(requestId);
    if (!known) throw new ClientError('account-not-found', `No push request ${requestId} reached this device.`);
    if (decision === 'approve') this.app.security.guard('approve', options.attempt);
    const answer = await known.link.client.call('answerPush', {
      params: { requestId },
      body: { decision, ...(options.number !== undefined ? { number: options.number } : {}) },
    });
    this.app.log.add('2FA', 'Info', `Login request ${decision === 'approve' ? 'approved' : 'rejected'}`);
    return answer.status;
  }

  /** "Enter recovery phone number": the server sends an SMS code; the user types its digits. */
  async setRecoveryPhone(phone: string): Promise<{ letters: string; expiresAt: number }> {
    const sent = await this.firstLink().client.call('setRecoveryPhone', { body: { phone } });
    return { letters: sent.letters, expiresAt: sent.expiresAt };
  }

  async verifyRecoveryPhone(digits: string): Promise<string> {
    return (await this.firstLink().client.call('verifyRecoveryPhone', { body: { digits } })).recoveryPhoneLastDigits;
  }

  linkFor(accountId: string): { authenticatorId: string } | undefined {
    return this.links.find((l) => l.accountId === accountId);
  }

  private firstLink(): Link {
    const link = this.links[0];
    if (!link) throw new ClientError('not-paired', 'The app is not registered with a server for 2FA.');
    return link;
  }

  /** The App Log entry of a registration, as the app's rule words it (LOG-04). */
  private logRegistration(registration: TwoFactorRegistration): void {
    const { category, level, message } = this.app.rules.registrationLogEntry(registration);
    this.app.log.add(category, level, message);
  }

  private identity() {
    const { device, installId } = this.app;
    return { name: device.spec.name, platform: device.platform, installId };
  }

  private now(): number {
    return this.app.device.clock.now();
  }
}
