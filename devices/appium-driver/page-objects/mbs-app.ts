/** The whole app as page objects over one WebdriverIO session, with one locator map for all of them. */
import type { Browser } from 'webdriverio';
import { DeviceControl } from './device-control.js';
import { SIMULATOR_LOCATORS, type Locators } from './locators.js';
import { BackupPage, HomePage, MorePage, TabBar } from './main-pages.js';
import { ExplorerPage, RestorePage } from './restore-pages.js';
import { AuthenticatePrompt, TwoFactorPage } from './two-factor-page.js';

export class MbsApp {
  readonly tabs: TabBar;
  readonly home: HomePage;
  readonly backup: BackupPage;
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
    this.twoFactor = new TwoFactorPage(browser, locators);
    this.auth = new AuthenticatePrompt(browser, locators);
    this.more = new MorePage(browser, locators);
    this.restore = new RestorePage(browser, locators);
    this.explorer = new ExplorerPage(browser, locators);
    this.device = new DeviceControl(browser);
  }
}
