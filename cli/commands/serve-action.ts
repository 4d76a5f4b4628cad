/** What `mbsc serve` does once its options are parsed (serve.ts declares them). */
import { EDITIONS, type Edition } from '../../conformance/spec/editions.js';
import {
  DESKTOP_VERSION_PATTERN,
  offersTwoFactor,
  REFERENCE_DESKTOP_VERSION,
} from '../../conformance/spec/versions.js';
import { MbsError } from '../../conformance/spec/errors.js';
import { isServerFault, type ServerFault } from '../../conformance/spec/faults.js';
import { NoFreePortError } from '../../reference-server/net/ports.js';
import { startServer } from '../../reference-server/server.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { EXIT, httpUrlOption, integerOption, UsageError, type CommandIo, type ParsedOptions } from '../command.js';
import { faultsOption } from '../fault-option.js';
import { terminalQr } from '../terminal-qr.js';
import type { SERVE_OPTIONS } from './serve-options.js';

export async function serve(options: ParsedOptions<typeof SERVE_OPTIONS>, io: CommandIo): Promise<number> {
  const edition = options.edition as Edition;
  const faults = serverFaults(options.fault);
  const smsWebhook = httpUrlOption('sms-webhook', options['sms-webhook']);
  const emailWebhook = httpUrlOption('email-webhook', options['email-webhook']);
  const pushWebhook = httpUrlOption('push-webhook', options['push-webhook']);
  const desktopVersion = desktopVersionOption(options['desktop-version']);
  const consoleKey = consoleKeyOption(options['console-key']);
  const diskQuota = integerOption('disk-quota', options['disk-quota'], 0, Number.MAX_SAFE_INTEGER);
  const stop = io.waitForStop();
  let server;
  try {
    server = await startServer({
      edition,
      dataDir: options.data,
      host: options.host,
      tcpPort: integerOption('port', options.port, 0, 65535),
      udpPort: integerOption('udp-port', options['udp-port'], 0, 65535),
      ...(options['advertise-host'] ? { advertisedHost: options['advertise-host'] } : {}),
      ...(options.name ? { name: options.name } : {}),
      ...(consoleKey ? { consoleKey } : {}),
      ...(diskQuota !== undefined ? { diskQuota } : {}),
      smsWebhook,
      emailWebhook,
      pushWebhook,
      ...(desktopVersion ? { desktopVersion } : {}),
      pushNumberMatching: options['push-number-matching'],
      conformanceClock: options['conformance-clock'],
      frozenClock: options['frozen-clock'],
      crashPoints: options['conformance-crash-points'],
      faults,
    });
  } catch (error) {
    if (error instanceof NoFreePortError) {
      io.err(`mbsc serve: ${error.message}`);
      return EXIT.unavailable;
    }
    throw error;
  }
  const { identity } = server;
  io.out(`Mobile Backup Server, ${EDITIONS[edition].label} edition ${identity.desktopVersion}, protocol v1`);
  io.out(`  TCP port ${identity.tcpPort}, UDP port ${identity.udpPort} (bound to ${options.host})`);
  io.out(`  URL        ${server.url}`);
  io.out(`  Console    ${server.url}/ (open it in a browser; sign in with the console key)`);
  io.out(`  Data       ${server.dataDir}`);
  io.out(`  Console key ${server.consoleKey}`);
  if (options['conformance-clock']) io.out("  Conformance clock on: the console key can move this server's clock");
  if (options['conformance-clock'] && options['frozen-clock']) io.out('  Frozen: it moves only when moved');
  if (faults.length > 0) io.out(`  FAULTY VARIANT, not conforming on purpose: ${faults.join(', ')}`);
  if (offersTwoFactor(edition, identity.desktopVersion)) {
    io.out(`  Push to    ${pushWebhook ?? 'the app, which fetches its notifications'}`);
    io.out(`  SMS to     ${smsWebhook ?? 'the outbox (mbsc outbox)'}`);
    io.out(`  E-mail to  ${emailWebhook ?? 'the outbox (mbsc outbox)'}`);
  }
  await printPairingCode(new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }), io);
  io.out('Press Ctrl+C to stop.');
  const signal = await stop;
  io.out(`Stopping (${signal})…`);
  await server.close();
  return EXIT.ok;
}

/**
 * The QR code of a first pairing, as a convenience. A server started again on a full disk refuses the token's write;
 * it serves all the same (the console makes a code once there is room), so a refusal here is said, never fatal: a
 * server that exited moments after it began to answer would leave its port to whichever server took it next.
 */
async function printPairingCode(console: MbsClient, io: CommandIo): Promise<void> {
  io.out('');
  try {
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    io.out(`Scan to pair a new device (valid until ${new Date(pairing.expiresAt).toISOString()}):`);
    io.out(await terminalQr(pairing.payload));
    io.out(pairing.payload);
  } catch (error) {
    if (!(error instanceof MbsError)) throw error;
    io.out(`No pairing code now (${error.code}): ${error.message}`);
  }
  io.out('');
}

function desktopVersionOption(value: string | undefined): string | undefined {
  if (value === undefined || new RegExp(DESKTOP_VERSION_PATTERN).test(value)) return value;
  throw new UsageError(`--desktop-version must be four numbers such as ${REFERENCE_DESKTOP_VERSION}, not "${value}".`);
}

/** A key given on the command line (a kit starting servers like this one names it): one word of visible characters. */
function consoleKeyOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{8,256}$/.test(value)) {
    throw new UsageError('--console-key must be 8 to 256 visible ASCII characters, with no spaces.');
  }
  return value;
}

/** `--fault a,b`: server-side names of the fault catalogue only (app faults live in the device model). */
function serverFaults(value: string | undefined): ServerFault[] {
  const names = faultsOption(value) ?? [];
  const appSide = names.filter((n) => !isServerFault(n));
  if (appSide.length > 0) {
    throw new UsageError(
      `${appSide.join(', ')}: a fault of the app model, not the server; use it with mbsc run --fault.`,
    );
  }
  return names.filter(isServerFault);
}
