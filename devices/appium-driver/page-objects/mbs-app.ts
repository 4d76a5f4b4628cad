/**
 * The whole app as page objects over one WebdriverIO session, with one locator map for all of them, and device
 * control: the `mobile:` execute methods as typed calls, whose names, parameters and results come from the one map
 * in simulators/session/execute-methods.ts, so a misspelt method or parameter is a compile error here as well as a
 * W3C error over the wire.
 */
import type { Browser } from 'webdriverio';
import type { ExecuteMethodName, ExecuteParams, ExecuteResult } from '../../../simulators/session/execute-methods.js';
import { SIMULATOR_LOCATORS, type Locators } from './locators.js';
import { BackupPage, BackupSourcePage, HomePage, MorePage, TabBar } from './main-pages.js';
import { ExplorerPage, RestorePage } from './restore-pages.js';
import { AuthenticatePrompt, TwoFactorPage } from './two-factor-page.js';

export class MbsApp {
  readonly tabs: TabBar;
  readonly home: HomePage;
  readonly backup: BackupPage;
  readonly sources: BackupSourcePage;
  readonly twoFactor: TwoFactorPage;
  readonly auth: AuthenticatePrompt;
  readonly more: MorePage;
  readonly restore: RestorePage;
  readonly explorer: ExplorerPage;
  /** Device control: only the simulator (and devices with matching `mobile:` methods) answer it. */
  readonly device: DeviceControl;

  constructor(
    readonly browser: Browser,
    readonly locators: Locators = SIMULATOR_LOCATORS,
  ) {
    this.tabs = new TabBar(browser, locators);
    this.home = new HomePage(browser, locators);
    this.backup = new BackupPage(browser, locators);
    this.sources = new BackupSourcePage(browser, locators);
    this.twoFactor = new TwoFactorPage(browser, locators);
    this.auth = new AuthenticatePrompt(browser, locators);
    this.more = new MorePage(browser, locators);
    this.restore = new RestorePage(browser, locators);
    this.explorer = new ExplorerPage(browser, locators);
    this.device = new DeviceControl(browser);
  }
}

export class DeviceControl {
  constructor(readonly browser: Browser) {}

  async run<N extends ExecuteMethodName>(name: N, params?: ExecuteParams<N>): Promise<ExecuteResult<N>> {
    return (await this.browser.execute(name, params ?? {})) as ExecuteResult<N>;
  }

  appState = () => this.run('mobile: appState');
  deviceInfo = () => this.run('mobile: deviceInfo');
  waitForIdle = (timeoutMs = 30_000) => this.run('mobile: waitForIdle', { timeoutMs });
  scanQr = (payload: string) => this.run('mobile: scanQr', { payload });
  setNetwork = (network: 'lan' | 'other-wifi' | 'off') => this.run('mobile: setNetwork', { network });
  setBattery = (level: number, charging?: boolean) =>
    this.run('mobile: setBattery', { level, ...(charging !== undefined ? { charging } : {}) });
  biometric = (match: boolean) => this.run('mobile: biometric', { match });
  addMedia = (params: ExecuteParams<'mobile: addMedia'>) => this.run('mobile: addMedia', params);
  /** The user's answer when iOS asks to allow deleting items for free up space. */
  setDeleteConsent = (answer: 'allow' | 'deny') => this.run('mobile: setDeleteConsent', { answer });
}
