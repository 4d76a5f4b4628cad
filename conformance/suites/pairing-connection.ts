/**
 * The app's side of pairing and its connection setting (seed 000 §6.2, §6.2.1): no backup or restore before
 * pairing; two modes, locate automatically or a typed host; an invalid or silent host fails with the seed's message
 * and changes nothing; a reachable typed host replaces the setting and the app goes on without pairing again.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce, checkProperty } from '../framework/property.js';
import { Violation } from '../framework/violation.js';
import { ClientError } from '../spec/errors.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import { addMedia, deviceNeeds, expectEqual, newWorld, serverItems } from './device-support.js';

/** Seed 000 §6.2.1, written out here: the check must not read it from the code it checks. */
export const SEED_MESSAGE = 'Connection failed. Make sure you have entered the correct host name / IP address.';

/** Runs `action` and answers the code of the ClientError it throws, or 'none'. */
async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return 'none';
  } catch (error) {
    return error instanceof ClientError ? error.code : `unexpected ${(error as Error).message}`;
  }
}

const beforePairing: Check = {
  id: 'app-needs-pairing',
  title: 'Before pairing, the app refuses backup, restore and the connection setting',
  area: 'PAIR',
  requirements: ['PAIR-04'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app, device } = await newWorld(context.session, context.column.profile!, { pair: false });
      addMedia(device, { name: 'IMG_UNPAIRED.jpg' });
      expectEqual(['PAIR-04'], 'Backup before pairing', await refusal(() => app.backup()), 'not-paired');
      expectEqual(['PAIR-04'], 'Restore before pairing', await refusal(() => app.restore([])), 'not-paired');
      const browse = await refusal(() => app.listRestorable('recent'));
      expectEqual(['PAIR-04'], 'browsing backups before pairing', browse, 'not-paired');
    }),
};

/** Host names no resolver can take: the seed's example, and generated strings of the characters it breaks on. */
const invalidHosts = fc.oneof(
  fc.constantFrom('123.456.7&.115', '256.1.1.1', '1.2.3', '-lead.example', 'trail-.example', 'a..b', ''),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('&', ' ', '_', '/', '?', '#'), fc.nat(999))
    .map(([a, bad, n]) => `${a}${bad}${n}`),
);

async function expectRefused(app: MobileApp, host: string, before: { host: string; tcpPort: number }) {
  const setting = { mode: 'manual' as const, host };
  try {
    await app.setConnection(setting);
  } catch (error) {
    const message = (error as Error).message;
    if (!(error instanceof ClientError) || message !== SEED_MESSAGE) {
      throw new Violation(['PAIR-08'], `host "${host}" failed with "${message}", not the seed's message`);
    }
    const now = { host: app.pairing?.host, tcpPort: app.pairing?.tcpPort };
    expectEqual(['PAIR-08'], `the connection after "${host}" failed`, now, before);
    return;
  }
  throw new Violation(['PAIR-08'], `the app accepted the host "${host}"`);
}

/** The first host where a TCP connection to `port` is refused. */
async function firstSilent(hosts: readonly string[], port: number): Promise<string | undefined> {
  for (const host of hosts) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port, timeout: 2_000 });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('timeout', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    if (refused) return host;
  }
  return undefined;
}

const connectionSetting: Check = {
  id: 'app-connection-setting',
  title:
    'Edit connection setting: automatic mode finds the machine on the LAN, an invalid or silent host fails with the seed message, a reachable host replaces the setting without pairing again',
  area: 'PAIR',
  requirements: ['PAIR-05', 'PAIR-06', 'PAIR-08', 'PAIR-09'],
  scope: 'device',
  applies: deviceNeeds(),
  async run(context: CheckContext) {
    const { app, device } = await newWorld(context.session, context.column.profile!);
    const paired = { deviceId: app.pairing!.deviceId, host: app.pairing!.host, tcpPort: app.pairing!.tcpPort };
    expectEqual(['PAIR-05'], 'the connection mode right after pairing', app.connection.mode, 'auto');
    await app.setConnection({ mode: 'auto' });
    const found = { host: app.pairing!.host, tcpPort: app.pairing!.tcpPort };
    expectEqual(['PAIR-06'], 'the machine automatic mode found', found.tcpPort, paired.tcpPort);
    // A well-formed loopback host where nothing listens on the server's port (if this machine has one).
    const silent = await firstSilent(['127.0.0.254', '::1'], found.tcpPort);
    if (silent) await expectRefused(app, silent, found);
    await app.setConnection({ mode: 'manual', host: context.session.host });
    expectEqual(['PAIR-09'], 'the stored setting', app.connection, { mode: 'manual', host: context.session.host });
    expectEqual(['PAIR-09'], 'the pairing after a manual host', app.pairing!.deviceId, paired.deviceId);
    addMedia(device, { name: 'IMG_MANUAL_HOST.jpg' });
    const job = await app.backup();
    await job.idle();
    expectEqual(['PAIR-09'], 'a backup through the typed host', job.state, 'completed');
    expectEqual(['PAIR-09'], 'items on the server', (await serverItems(app)).length, 1);
    const manual = { host: app.pairing!.host, tcpPort: app.pairing!.tcpPort };
    return checkProperty(
      fc.asyncProperty(invalidHosts, (host) => expectRefused(app, host, manual)),
      context,
    );
  },
};

export const PAIRING_CONNECTION_CHECKS: readonly Check[] = [beforePairing, connectionSetting];
