/** The harness: installs the driver into an APPIUM_HOME once, starts Appium on 127.0.0.1, and stops it for good. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  driverPackageDir,
  isDriverInstalled,
  prepareAppiumHome,
} from '../../../devices/appium-driver/harness/appium-home.js';
import { startAppium } from '../../../devices/appium-driver/harness/appium-server.js';
import { tempDir } from '../../helpers/test-server.js';

const home = tempDir('mbs-appium-harness-');
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the Appium harness', () => {
  it('installs the driver once, and lists it as installed', async () => {
    expect(isDriverInstalled(home)).toBe(false);
    await prepareAppiumHome(home);
    expect(isDriverInstalled(home)).toBe(true);
    await prepareAppiumHome(home);
    expect(isDriverInstalled(home)).toBe(true);
  });

  it('reinstalls a driver that a home lists from another checkout', async () => {
    const manifest = path.join(home, 'node_modules', '.cache', 'appium', 'extensions.yaml');
    const text = readFileSync(manifest, 'utf8');
    writeFileSync(manifest, text.replaceAll(driverPackageDir(), '/elsewhere/devices/appium-driver'));
    expect(isDriverInstalled(home)).toBe(false);
    await prepareAppiumHome(home);
    expect(isDriverInstalled(home)).toBe(true);
  });

  it('starts Appium on 127.0.0.1 with the driver, and stops it', async () => {
    const appium = await startAppium({ home });
    expect(appium.url).toBe(`http://127.0.0.1:${appium.port}`);
    const status = (await (await fetch(`${appium.url}/status`)).json()) as { value: { ready: boolean } };
    expect(status.value.ready).toBe(true);
    await appium.stop();
    const after = await fetch(`${appium.url}/status`).then(
      () => 'answered',
      () => 'refused',
    );
    expect(after).toBe('refused');
  });
});
