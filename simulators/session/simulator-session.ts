/**
 * One simulated phone as a WebDriver session sees it: a device of a given spec on a virtual clock, the reference app
 * and its 2FA side on it, and what the user is looking at. It holds the state the screens are drawn from and the
 * work the user set going (jobs, server calls), and answers taps and typed text through the element tree. No
 * Appium or HTTP here: the driver in devices/appium-driver is an adapter over this class, and tests use it directly.
 */
import { ClientError, MbsError } from '../../conformance/spec/errors.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import type { Notification } from '../../conformance/spec/protocol/two-factor.js';
import type { Attempt } from '../app/authenticator/enhanced-security.js';
import { TwoFactorApp } from '../app/authenticator/two-factor-app.js';
import { LOG_TYPES, type LogType } from '../app/app-log.js';
import { MobileApp, type AppOptions } from '../app/mobile-app.js';
import type { RestorePage } from '../app/restore-page.js';
import type { AppSettings } from '../app/settings.js';
import { VirtualClock } from '../clock/virtual-clock.js';
import type { DeviceSpec } from '../device/device-spec.js';
import { SimulatedDevice } from '../device/simulated-device.js';
import { buildScreen } from './screen-tree.js';
import { EMPTY_RECOVERY_DRAFT, type RecoveryDraft } from './screens/recovery-screen.js';
import { Navigation, type ScreenName } from './screen-state.js';
import { walk, type UiElement } from './ui-element.js';

export interface SessionInit {
  readonly spec: DeviceSpec;
  /** The MBS the app is set up against: where "Not able to scan QR code?" registers, and where discovery looks. */
  readonly serverUrl: string;
  /** The virtual clock's start; the wall clock's now by default, so codes match a server on real time. */
  readonly startMs?: number;
  readonly app?: AppOptions;
}

/** An authentication the app asks for (enhanced security), and what it unlocks once it succeeds. */
export interface PendingAuth {
  readonly reason: string;
  readonly then: (session: SimulatorSession, attempt: Attempt) => Promise<void> | void;
}

export class SimulatorSession {
  readonly clock: VirtualClock;
  readonly device: SimulatedDevice;
  readonly app: MobileApp;
  readonly twoFactor: TwoFactorApp;
  readonly serverUrl: string;
  readonly nav = new Navigation();
  /** A dialog over the screen (an error or a notice), until the next tap. */
  message: string | undefined;
  /** Where OK on the dialog leads, when it leads on (a paired phone's backup sources); any other tap drops it. */
  messageLeadsTo: ((session: SimulatorSession) => void) | undefined;
  scannerPurpose: 'pairing' | '2fa' = 'pairing';
  /** A pairing QR code the scanner detected, until the user confirms or cancels. */
  pendingPairing: string | undefined;
  auth: PendingAuth | undefined;
  authPassword = '';
  /** The authentication screen shows the password entry: its link was tapped. */
  authByPassword = false;
  /** The free up space limit marked on the picker, until Done sets it (none: the current one). */
  limitPick: AppSettings['freeUpSpaceLimitGb'] | undefined;
  twoFactorUnlocked = false;
  locked = false;
  restorePage: RestorePage | undefined;
  explorer: { tab: TabName; kind: ItemKind } = { tab: 'recent', kind: 'photo' };
  connectionDraft: { mode: 'auto' | 'manual'; host: string } = { mode: 'auto', host: '' };
  /** Save & Connect is trying the connection setting (seed 000 §6.2.1: "Attempting to connect"). */
  connecting = false;
  secretDraft = { issuer: 'MBS', username: '', secret: '' };
  /** The 2FA page's account whose arrow down is open; the account being edited; the order Reorder is setting. */
  accountMenu: string | undefined;
  accountDraft: { readonly id: string; readonly name: string } | undefined;
  reorderDraft: readonly string[] | undefined;
  /** Set once this phone was paired as the replacement of another (seed 000 §7.1): whose content it took over. */
  migration: { from: string; to: string } | undefined;
  /** "Enter recovery phone number": what is typed, and the letters of the SMS code once one was sent. */
  recoveryDraft: RecoveryDraft = EMPTY_RECOVERY_DRAFT;
  /** The last two digits of the verified recovery phone number. */
  recoveryPhone: string | undefined;
  logFilter = new Set<LogType>(LOG_TYPES);
  /** Push requests the 2FA page lists, by request id, until answered. */
  readonly requests = new Map<string, Notification>();
  private readonly work = new Set<Promise<void>>();

  constructor(init: SessionInit) {
    this.clock = new VirtualClock(init.startMs ?? Date.now());
    this.device = new SimulatedDevice(init.spec, this.clock);
    this.serverUrl = init.serverUrl;
    const discoveryHost = new URL(init.serverUrl).hostname.replace(/^\[|\]$/g, '');
    this.app = new MobileApp(this.device, { discoveryHost, ...init.app });
    this.twoFactor = new TwoFactorApp(this.app);
  }

  get screen(): ScreenName {
    return this.nav.current;
  }

  /** The current screen as an element tree, built from the state now. */
  tree(): UiElement {
    return buildScreen(this);
  }

  element(id: string): UiElement {
    for (const element of walk(this.tree())) if (element.id === id) return element;
    throw new ClientError('element-stale', `No element "${id}" on the ${this.screen} screen now.`, { id });
  }

  /** A tap: a greyed-out element ignores it; what the app refuses is shown as a dialog, as the app would. */
  async tap(id: string): Promise<void> {
    const element = this.element(id);
    this.message = undefined;
    this.messageLeadsTo = undefined;
    if (element.enabled === false || !element.tap) return;
    await this.shown(() => element.tap?.(this));
  }

  async type(id: string, text: string): Promise<void> {
    const element = this.element(id);
    if (!element.input) throw new ClientError('element-not-found', `The element "${id}" takes no typed text.`, { id });
    await this.shown(() => element.input?.(this, text));
  }

  open(screen: ScreenName): void {
    this.nav.open(screen);
  }

  /** Shows a dialog whose OK leads to `then`. */
  say(message: string, then: (session: SimulatorSession) => void): void {
    this.message = message;
    this.messageLeadsTo = then;
  }

  back(): void {
    this.message = undefined;
    this.messageLeadsTo = undefined;
    if (this.screen === 'authenticate') this.auth = undefined;
    this.nav.back();
  }

  /** Asks for the device password or a biometric, then runs `then` with the attempt. */
  authenticate(reason: string, then: PendingAuth['then']): void {
    this.auth = { reason, then };
    this.authPassword = '';
    this.authByPassword = false;
    this.open('authenticate');
  }

  /** Sets going something that outlives the tap (a job); its refusal shows as a dialog when it ends. */
  track(promise: Promise<unknown>): void {
    const settled: Promise<void> = this.shown(() => promise)
      .catch((error: unknown) => {
        // A defect must not become an unhandled rejection in the Appium process: it is shown, and tests see it.
        this.message = `The app failed: ${(error as Error).message}`;
        this.messageLeadsTo = undefined;
      })
      .finally(() => this.work.delete(settled));
    this.work.add(settled);
  }

  /** Resolves once nothing the user set going, and no job, is still running; bounded by `timeoutMs` of wall time. */
  async idle(timeoutMs = 30_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ClientError('timeout', `The app was still busy after ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.settle(), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async settle(): Promise<void> {
    for (let round = 0; round < 1000; round++) {
      await Promise.all([...this.work, this.app.backupJob?.idle(), this.app.restoreJob?.idle()]);
      const busy = this.work.size > 0 || this.app.backupJob?.state === 'running';
      if (!busy && this.app.restoreJob?.state !== 'running') return;
    }
  }

  /** Polls the push notification service of every server the app is registered with. */
  async pollPush(): Promise<Notification[]> {
    const fresh = await this.twoFactor.receivePush();
    for (const request of fresh) if (request.status === 'pending') this.requests.set(request.requestId, request);
    return fresh;
  }

  /** Errors of the app's rules and of the server become the dialog; anything else is a defect and propagates. */
  private async shown(run: () => unknown): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof ClientError || error instanceof MbsError)) throw error;
      this.message = error.message;
    }
  }
}
