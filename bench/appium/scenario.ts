/**
 * The benchmark's scenario, as a user and a test would do it: turn automated backup off, pair from the desktop's
 * QR payload, add photos, back up, delete them, restore them from the restore page, and read the page source of a
 * few screens. It checks its own outcome, so a fast but wrong run does not count.
 */
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';

export interface ScenarioShape {
  readonly photos: number;
  readonly photoBytes: number;
  readonly pageSources: number;
}

/** Answers a problem, or undefined when the scenario ended as it must. */
export async function runScenario(
  driver: AppDriver,
  pairingPayload: string,
  shape: ScenarioShape,
): Promise<string | undefined> {
  await driver.tap('tab-more');
  await driver.tap('more-automated-backup');
  await driver.tap('tab-home');
  await driver.tap('home-activate');
  await driver.execute('mobile: scanQr', { payload: pairingPayload });
  await driver.tap('pair-confirm');
  await driver.execute('mobile: addMedia', { kind: 'photo', count: shape.photos, sizeBytes: shape.photoBytes });
  await driver.tap('tab-backup');
  await driver.tap('backup-start');
  await driver.execute('mobile: waitForIdle', {});
  const backedUp = await driver.text('backup-status');
  if (!backedUp.startsWith(`Backup completed: ${shape.photos} Photos`)) return `after backup: ${backedUp}`;

  await driver.execute('mobile: deleteMedia', {});
  await driver.tap('backup-restore');
  await driver.tap('restore-select-photo');
  await driver.tap('restore-start');
  await driver.execute('mobile: waitForIdle', {});
  const restored = await driver.text('restore-status');
  if (!restored.startsWith(`Restore completed: ${shape.photos} Photos`)) return `after restore: ${restored}`;

  for (let i = 0; i < shape.pageSources; i++) {
    await driver.tap(['tab-home', 'tab-backup', 'tab-2fa', 'tab-more'][i % 4] as string);
    const source = await driver.pageSource();
    if (!source.includes('<hierarchy')) return 'page source is not a UiAutomator2 hierarchy';
  }
  const state = await driver.execute('mobile: appState');
  return state.media.count === shape.photos ? undefined : `${state.media.count} photos on the device after restore`;
}
