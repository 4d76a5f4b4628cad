/** Page objects of the tab bar, Home, Backup (with its connection setting) and More (with its pickers and Help). */
import type { HoldReason } from '../../../simulators/app/run-conditions.js';
import { AppPage } from './app-page.js';
import { ELEMENT_ID_PATTERNS as ids, type SourceName } from './locators.js';

export class TabBar extends AppPage {
  home = () => this.tap('tabHome');
  backup = () => this.tap('tabBackup');
  twoFactor = () => this.tap('tab2fa');
  more = () => this.tap('tabMore');
  back = () => this.browser.back();
}

export class HomePage extends AppPage {
  status = () => this.text('homeStatus');
  lastBackup = () => this.text('homeLastBackup');
  /** "Activate and start backup": opens the QR scanner. */
  activate = () => this.tap('homeActivate');
  /** What the app asks once it has detected a pairing QR code. */
  pairingQuestion = () => this.text('pairConfirmText');
  /** OK to the question: pairs; the dialog with the outcome follows. */
  confirmPairing = () => this.tap('pairConfirm');
  cancelPairing = () => this.tap('pairCancel');
  /** Whether the detected code adds this phone or migrates an existing device's backup content to it. */
  pairingMode = () => this.text('pairConfirmMode');
  /**
   * OK on "Device paired successfully": leads to the backup-source choice (BackupSourcePage); on an iOS replacement,
   * OK on "Replacement device is paired successfully." leads to the migration's own dialog.
   */
  proceedAfterPaired = () => this.tap('messageOk');
  /** After a migration: "… migration of contents from <original> to <replacement> is completed." */
  migrationResult = () => this.text('migrationResult');
  restoreAfterMigration = () => this.tap('migrationRestore');
  finishMigration = () => this.tap('migrationDone');
}

export class BackupPage extends AppPage {
  status = () => this.text('backupStatus');
  restoreStatus = () => this.text('restoreStatus');
  start = () => this.tap('backupStart');
  stop = () => this.tap('backupStop');
  resume = () => this.tap('backupResume');
  resumeRestore = () => this.tap('restoreResume');
  openRestore = () => this.tap('backupRestore');

  async holdReasons(): Promise<HoldReason[]> {
    const all: HoldReason[] = ['not-on-backup-lan', 'battery-low', 'not-charging'];
    const shown: HoldReason[] = [];
    for (const reason of all) if (await this.exists({ id: ids.holdReason(reason) })) shown.push(reason);
    return shown;
  }

  isSourceOn = (source: SourceName) => this.isChecked({ id: ids.source(source) });
  toggleSource = (source: SourceName) => this.tap({ id: ids.source(source) });

  /** "Edit connection setting": a typed host, or automatic discovery when `host` is undefined. */
  async setConnection(host?: string): Promise<string | undefined> {
    await this.tap('backupConnection');
    if (host === undefined) await this.tap('connectionAuto');
    else await this.type('connectionHost', host);
    await this.tap('connectionSave');
    // Save & Connect tries in the background ("Attempting to connect"): its outcome is the dialog after.
    await this.browser.execute('mobile: waitForIdle', {});
    return this.message();
  }
}

/** The backup-source choice a newly paired phone shows: its sources, selected for it, and Done to the Backup page. */
export class BackupSourcePage extends AppPage {
  isSourceOn = (source: SourceName) => this.isChecked({ id: ids.source(source) });
  toggleSource = (source: SourceName) => this.tap({ id: ids.source(source) });
  done = () => this.tap('backupSourceDone');
}

export type MoreSwitch = 'automatedBackup' | 'chargingOnly' | 'powerSaving' | 'freeUpSpace' | 'enhancedSecurity';
const SWITCHES = {
  automatedBackup: 'moreAutomatedBackup',
  chargingOnly: 'moreChargingOnly',
  powerSaving: 'morePowerSaving',
  freeUpSpace: 'moreFreeUpSpace',
  enhancedSecurity: 'moreEnhancedSecurity',
} as const satisfies Record<MoreSwitch, string>;

export class MorePage extends AppPage {
  isOn = (name: MoreSwitch) => this.isChecked(SWITCHES[name]);
  /** The status under the Free up space switch, and iOS's note on Recently Deleted. */
  freeUpStatus = () => this.text('moreFreeUpStatus');
  freeUpNote = () => this.text('moreFreeUpNote');
  /** What the app says once free up space is turned on or off, or a limit picked: the dialog's text. */
  freeUpSaid = () => this.message();
  /** What the app says once enhanced security is turned on or off, the authentication answered. */
  securitySaid = () => this.message();

  /** Sets a switch; enhanced security opens the authentication prompt, which the caller answers. */
  async set(name: MoreSwitch, on: boolean): Promise<void> {
    if ((await this.isOn(name)) !== on) await this.tap(SWITCHES[name]);
  }

  async setFreeUpLimit(gb: 2 | 4 | 6 | 8 | 10): Promise<void> {
    await this.tap('moreFreeUpLimit');
    await this.tap({ id: ids.freeUpLimit(gb) });
    await this.tap('freeUpLimitDone');
  }

  /** `slug` as the id carries it, e.g. `portuguese-brazilian`. */
  async setLanguage(slug: string): Promise<void> {
    await this.tap('moreLanguage');
    await this.tap({ id: ids.language(slug) });
  }

  async openAppLog(): Promise<void> {
    await this.tap('moreHelp');
    await this.tap('helpAppLog');
  }

  /** Shows only the given log types (slugs such as `backup-info`) of all ten. */
  async filterLog(shown: readonly string[], all: readonly string[]): Promise<void> {
    await this.tap('logFilter');
    for (const slug of all) {
      const target = { id: ids.logFilterType(slug) };
      if ((await this.isChecked(target)) !== shown.includes(slug)) await this.tap(target);
    }
    await this.tap('filterDone');
  }

  logCount = async () => Number((await this.text('logCount')).split(' ')[0]);
}
