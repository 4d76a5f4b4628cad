/**
 * A project-local APPIUM_HOME with the simulator driver installed: `appium driver install --source=local` is an
 * `npm link`, which also links the package into npm's global prefix, so the prefix is pointed inside the home too
 * and nothing outside it is written. Installing twice is skipped by looking at Appium's manifest.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ClientError } from '../../../conformance/spec/errors.js';
import { devicesDataDir } from '../../load-profiles.js';

export const DRIVER_NAME = 'mbs-simulator';

/** The repository root (the folder holding devices/ and node_modules/). */
export const repoRoot = (): string => path.dirname(devicesDataDir());
export const driverPackageDir = (): string => path.join(devicesDataDir(), 'appium-driver');
/**
 * Appium's bin in the nearest node_modules/.bin from the repository root up, as Node resolves packages: a checkout
 * has its own, while an installed kit (node_modules/mbsc) finds the one npm hoisted into the project beside it.
 * Answers the checkout's path when there is none, for the error message.
 */
export function appiumBin(): string {
  const own = path.join(repoRoot(), 'node_modules', '.bin', 'appium');
  for (let dir = repoRoot(); ; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '.bin', 'appium');
    if (existsSync(bin)) return bin;
    if (path.dirname(dir) === dir) return own;
  }
}
export const defaultAppiumHome = (): string => path.join(repoRoot(), '.appium');

/** What Appium and npm need in their environment to use `home` and nothing else. */
export function appiumEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, APPIUM_HOME: home, npm_config_prefix: path.join(home, 'npm-global') };
}

function manifestText(home: string): string {
  const manifest = path.join(home, 'node_modules', '.cache', 'appium', 'extensions.yaml');
  return existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';
}

const listsDriver = (text: string): boolean => new RegExp(`^  ${DRIVER_NAME}:$`, 'm').test(text);

/** Installed from this checkout's driver folder (a home made for another checkout points elsewhere). */
export function isDriverInstalled(home: string): boolean {
  const text = manifestText(home);
  return listsDriver(text) && text.includes(`installPath: ${driverPackageDir()}`);
}

/** Makes sure `home` has the driver installed and the driver is built; answers the home. */
export async function prepareAppiumHome(home = defaultAppiumHome()): Promise<string> {
  const built = path.join(repoRoot(), 'dist', 'devices', 'appium-driver', 'driver.js');
  if (!existsSync(built)) {
    throw new ClientError('appium-unavailable', `The driver is not built (${built} is missing): run npm run build.`);
  }
  if (!existsSync(appiumBin())) {
    throw new ClientError('appium-unavailable', `No Appium at ${appiumBin()}: run npm install.`);
  }
  if (isDriverInstalled(home)) return home;
  mkdirSync(path.join(home, 'npm-global', 'lib', 'node_modules'), { recursive: true });
  const appium = (...args: string[]) =>
    promisify(execFile)(appiumBin(), args, { env: appiumEnv(home), timeout: 180_000 });
  try {
    // Installed from another checkout (the repository moved): Appium refuses a second install of the same name.
    if (listsDriver(manifestText(home))) await appium('driver', 'uninstall', DRIVER_NAME);
    await appium('driver', 'install', '--source=local', driverPackageDir());
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new ClientError(
      'appium-unavailable',
      `Installing the driver into ${home} failed: ${(stderr || stdout || (error as Error).message).trim().slice(-2000)}`,
    );
  }
  if (!isDriverInstalled(home)) {
    throw new ClientError('appium-unavailable', `Appium reported success but ${home} does not list ${DRIVER_NAME}.`);
  }
  return home;
}
