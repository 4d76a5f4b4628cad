/** What checks of the app's screens share: a session of the app on a new device, pairing through the screens. */
import type { ItemKind } from '../spec/file-types.js';
import type { TabName } from '../spec/protocol/common.js';
import type { DeviceCheckContext } from './check.js';
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { TargetSession } from '../targets/target.js';
import { shown } from './page-elements.js';
import { keepFailingScreen } from './screen-evidence.js';
import { kitName } from './kit-names.js';

/**
 * Opens the app on a new device of the column's profile, runs `steps` on it, and always ends its session. When the
 * steps fail, the screen they left is kept for the cell's report first (screen-evidence.ts). The device is named
 * after the profile with the kit's mark (`phoneName`): the app registers for 2FA under its device's name. A real
 * build registers under the name its device reports, not one the kit gives: its authenticators carry no mark.
 */
export async function withApp(
  context: DeviceCheckContext,
  steps: (driver: AppDriver) => Promise<void>,
  overrides: Partial<DeviceSpec> = {},
): Promise<void> {
  const { session } = context;
  const profile = { ...context.column.profile, name: phoneName(session, context.column.profile) };
  const app = await session.app.drive({ ...profile, ...overrides }, session.url, session.clock?.now());
  try {
    await steps(app.driver);
  } catch (error) {
    await keepFailingScreen(app.driver);
    throw error;
  } finally {
    await app.close();
  }
}

/**
 * The name the app on the device `withApp` opens registers under: the profile's, marked as the kit's (kit-names.ts),
 * or as it is for a real build, which is not given the name.
 */
export const phoneName = (session: TargetSession, profile: Pick<DeviceSpec, 'name'>): string =>
  session.app.realBuild ? profile.name : kitName(profile.name);

/** Automated backup off (the check taps Backup itself), then "Activate and start backup" with a fresh QR. */
export async function pairThroughScreens(driver: AppDriver, session: TargetSession): Promise<void> {
  await setSwitch(driver, 'more-automated-backup', false);
  const { payload } = await session.console!.call('createPairing', { body: { mode: 'add' } });
  await driver.tap('tab-home');
  await driver.tap('home-activate');
  const scanned = await driver.execute('mobile: scanQr', { payload });
  if (!scanned.ok) throw new Error(`pairing by QR failed: ${JSON.stringify(scanned)}`);
  await driver.tap('pair-confirm');
  if (!(await state(driver)).pairing) throw new Error(`pairing failed: ${(await state(driver)).message}`);
}

export const state = (driver: AppDriver) => driver.execute('mobile: appState');

/** Sets the phone's screen lock to `secret`, of the platform's own kind: a passcode on iOS, a PIN on Android. */
export async function setPlatformScreenLock(driver: AppDriver, platform: DeviceSpec['platform'], secret: string) {
  await driver.execute('mobile: setScreenLock', { lock: platform === 'ios' ? 'passcode' : 'pin', secret });
}

/**
 * Answers the open authentication screen with the device's password: its link ("USE PASSWORD", "Show Passcode")
 * when the entry is not open yet, the password, then Next.
 */
export async function typeDevicePassword(driver: AppDriver, password: string): Promise<void> {
  if ((await driver.pageSource()).includes('"auth-use-password"')) await driver.tap('auth-use-password');
  await driver.type('auth-password', password);
  await driver.tap('auth-confirm');
}

const MAIN_PAGES: readonly string[] = ['home', 'backup', 'two-factor', 'more'];

/**
 * Turns a switch on a main page (More by default, or the Backup page's sources) on or off as a user would: back to
 * the tab bar from wherever the app is, to the page, then a tap only when the switch shows the other state.
 */
export async function setSwitch(driver: AppDriver, id: string, on: boolean, page: 'more' | 'backup' = 'more') {
  while (!MAIN_PAGES.includes((await state(driver)).screen)) await driver.tap('nav-back');
  await driver.tap(`tab-${page}`);
  const [toggle] = await shown(driver, new RegExp(`^${id}$`));
  if (!toggle) throw new Error(`no switch ${id} on the ${page} page`);
  if (toggle.checked !== on) await driver.tap(id);
}

/**
 * Picks a free up space limit on its picker, More's limit button tapped and free up space on: the limit, then Done
 * (seed 000 §6.4.5). An app that leaves the picker on the tap is let through here: FUS-18's check judges the Done.
 */
export async function pickFreeUpLimit(driver: AppDriver, gb: number): Promise<void> {
  await driver.tap(`limit-${gb}`);
  if ((await state(driver)).screen === 'free-up-limit') await driver.tap('limit-done');
}

/** Taps Backup on the Backup page and waits until the app is idle: the state it shows then. */
export async function tapBackup(driver: AppDriver) {
  await driver.tap('tab-backup');
  await driver.tap('backup-start');
  return driver.execute('mobile: waitForIdle', {});
}

/** Opens the Restore page and, when the server lists any item of `kind`, its file explorer: whether it opened. */
export async function browseRestore(driver: AppDriver, kind: ItemKind): Promise<boolean> {
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
  if ((await driver.text(`restore-summary-${kind}`)) === 'No items') return false;
  await driver.tap(`restore-browse-${kind}`);
  return true;
}

/**
 * The albums the open explorer's Album view lists for one kind and tab, among those named `<prefix><number>`: a
 * check that puts each item in an album of its own so tells which items the server lists there.
 */
export async function listedAlbums(driver: AppDriver, kind: ItemKind, tab: TabName, prefix: string): Promise<string[]> {
  await driver.tap(`explorer-kind-${kind}`);
  await driver.tap(`explorer-tab-${tab}`);
  await driver.tap('explorer-view-album');
  const source = await driver.pageSource();
  const ids = new RegExp(`group-${prefix.toLowerCase()}(\\d+)-select`, 'g');
  // Each element's id shows in more than one attribute of the page source.
  return [...new Set([...source.matchAll(ids)].map((match) => `${prefix}${match[1]}`))];
}
