/**
 * What the app's side of pairing and its connection setting must do (seed 000 §6.2, §6.2.1), written once for two
 * adapters: the app model on a simulated device in process (connection.ts) and the app through its screens
 * and `mobile:` methods (connection-screens.ts).
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import type { CheckContext, CheckOutcome } from '../../kit/check.js';
import type { TargetSession } from '../../targets/target.js';
import { discover } from '../network/discovery-announces-ports.js';
import { SetupError } from '../../kit/setup.js';
import { checkProperty } from '../../kit/property.js';
import { Violation } from '../../kit/violation.js';
import { expectEqual } from '../../kit/device-support.js';

/** Seed 000 §6.2.1, written out here: the check must not read it from the code it checks. */
export const SEED_MESSAGE = 'Connection failed. Make sure you have entered the correct host name / IP address.';

/** What the app must refuse before pairing; `refusal` answers the code it refused with, or 'none'. */
export async function expectNeedsPairing(
  refusal: (action: 'backup' | 'restore' | 'browse') => Promise<string>,
): Promise<void> {
  expectEqual(['PAIR-04'], 'Backup before pairing', await refusal('backup'), 'not-paired');
  expectEqual(['PAIR-04'], 'Restore before pairing', await refusal('restore'), 'not-paired');
  expectEqual(['PAIR-04'], 'browsing backups before pairing', await refusal('browse'), 'not-paired');
}

/** Host names no resolver can take: the seed's example, and generated strings of the characters it breaks on. */
const invalidHosts = fc.oneof(
  fc.constantFrom('123.456.7&.115', '256.1.1.1', '1.2.3', '-lead.example', 'trail-.example', 'a..b', ''),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('&', ' ', '_', '/', '?', '#'), fc.nat(999))
    .map(([a, bad, n]) => `${a}${bad}${n}`),
);

export type Setting = { readonly mode: 'auto' } | { readonly mode: 'manual'; readonly host: string };
export interface Paired {
  readonly deviceId?: string;
  readonly host?: string;
  readonly tcpPort?: number;
}

export interface ConnectionApp {
  /** The connection setting the app keeps. */
  connection(): Promise<Setting>;
  pairing(): Promise<Paired>;
  /** Saves a setting: undefined once the app took it, or the message it failed with. */
  save(setting: Setting): Promise<string | undefined>;
  /** Adds a photo and backs it up: the job's state, and how many items the server then holds. */
  backUpPhoto(): Promise<{ readonly state: string; readonly stored: number }>;
}

const connectedTo = async (app: ConnectionApp) => {
  const { host, tcpPort } = await app.pairing();
  return { host, tcpPort };
};

async function expectRefused(app: ConnectionApp, host: string, before: Paired): Promise<void> {
  const message = await app.save({ mode: 'manual', host });
  if (message === undefined) throw new Violation(['PAIR-08'], `the app accepted the host "${host}"`);
  if (message !== SEED_MESSAGE) {
    throw new Violation(['PAIR-08'], `host "${host}" failed with "${message}", not the seed's message`);
  }
  expectEqual(['PAIR-08'], `the connection after "${host}" failed`, await connectedTo(app), before);
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

async function saved(app: ConnectionApp, setting: Setting): Promise<void> {
  const failed = await app.save(setting);
  if (failed !== undefined) throw new Error(`the connection setting ${JSON.stringify(setting)} failed: ${failed}`);
}

/**
 * Throws a SetupError (the cell errors: no verdict on the app) when the server does not answer discovery with the
 * port the app paired with: automatic mode could not find it there, which network-discovery-announces-actual-ports
 * judges on the server, not PAIR-06 on the app.
 */
async function expectDiscoveryAnswers(session: TargetSession, paired: Paired, what: string): Promise<void> {
  const [answer] = await discover(session.host, session.udpPort, session.edition);
  if (answer?.tcpPort === paired.tcpPort) return;
  const said = answer ? `announces TCP ${answer.tcpPort}` : 'does not answer';
  const cause = new Error(`${what}, and the server ${said} on UDP ${session.udpPort} for TCP ${paired.tcpPort}`);
  throw new SetupError(`the server at ${session.host} answering discovery for the app`, [], { cause });
}

/**
 * Automatic mode's Save & Connect: it must connect to the paired machine where the LAN's answer says, the port its
 * QR code gave (PAIR-06). When it does not, the kit asks the server itself first: a server that does not answer
 * discovery, or announces another port, is what failed, not the app.
 */
export async function expectFoundOnLan(app: ConnectionApp, session: TargetSession): Promise<Paired> {
  const paired = await app.pairing();
  const failed = await app.save({ mode: 'auto' });
  if (failed !== undefined) {
    await expectDiscoveryAnswers(session, paired, `automatic mode found no machine ("${failed}")`);
    throw new Violation(['PAIR-06'], `automatic mode found no machine serving on TCP ${paired.tcpPort}: "${failed}"`);
  }
  const found = await connectedTo(app);
  if (found.tcpPort !== paired.tcpPort)
    await expectDiscoveryAnswers(session, paired, `automatic mode connected to TCP ${found.tcpPort}`);
  expectEqual(['PAIR-06'], 'the machine automatic mode found', found.tcpPort, paired.tcpPort);
  return found;
}

/** Automatic mode, a silent host, then the server's host typed in; answers where the app then connects. */
async function connectionRun(app: ConnectionApp, session: TargetSession): Promise<Paired> {
  const serverHost = session.host;
  const paired = await app.pairing();
  expectEqual(['PAIR-05'], 'the connection mode right after pairing', (await app.connection()).mode, 'auto');
  const found = await expectFoundOnLan(app, session);
  // A well-formed loopback host where nothing listens on the server's port (if this machine has one).
  const silent = await firstSilent(['127.0.0.254', '::1'], found.tcpPort!);
  if (silent) await expectRefused(app, silent, found);
  await saved(app, { mode: 'manual', host: serverHost });
  expectEqual(['PAIR-09'], 'the stored setting', await app.connection(), { mode: 'manual', host: serverHost });
  expectEqual(['PAIR-09'], 'the pairing after a manual host', (await app.pairing()).deviceId, paired.deviceId);
  const job = await app.backUpPhoto();
  expectEqual(['PAIR-09'], 'a backup through the typed host', job.state, 'completed');
  expectEqual(['PAIR-09'], 'items on the server', job.stored, 1);
  return connectedTo(app);
}

/**
 * Runs `steps` on an app paired with a server off the edition's default port (server-off-default.ts), if needed:
 * what the steps could not show, when they were skipped, else undefined.
 */
export type OffDefault = (
  steps: (app: ConnectionApp, session: TargetSession) => Promise<unknown>,
) => Promise<string | undefined>;

/** The steps above, then each invalid host, generated, fails with the seed's message and changes nothing. */
export async function checkConnection(
  app: ConnectionApp,
  session: TargetSession,
  context: CheckContext,
): Promise<CheckOutcome> {
  const manual = await connectionRun(app, session);
  return checkProperty(
    fc.asyncProperty(invalidHosts, (host) => expectRefused(app, host, manual)),
    context,
  );
}

const OFF_DEFAULT = 'automatic mode on a server off the default port';

/**
 * After a pass, automatic mode again on a server off the default port when the target's is on it (a fresh app: the
 * screens' is closed by then); a step skipped shows beside the pass, never as passed.
 */
export async function offDefaultToo(outcome: CheckOutcome, offDefault: OffDefault): Promise<CheckOutcome> {
  if (outcome.verdict !== 'pass') return outcome;
  const skipped = await offDefault(expectFoundOnLan);
  return skipped ? { ...outcome, notReachable: { ...outcome.notReachable, [OFF_DEFAULT]: skipped } } : outcome;
}
