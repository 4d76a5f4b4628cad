/** `mbsc serve`: runs the reference Mobile Backup Server until SIGINT or SIGTERM. */
import { EDITION_NAMES, EDITIONS, type Edition } from '../../conformance/spec/editions.js';
import { isServerFault, type ServerFault } from '../../conformance/spec/faults.js';
import { NoFreePortError } from '../../reference-server/net/ports.js';
import { startServer } from '../../reference-server/server.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { defineCommand, EXIT, integerOption, UsageError } from '../command.js';
import { faultsOption } from '../fault-option.js';
import { terminalQr } from '../terminal-qr.js';

export const serveCommand = defineCommand({
  summary: 'Start the reference Mobile Backup Server; print its actual ports and a pairing QR code.',
  options: {
    edition: { type: 'string', description: 'Edition of the desktop program', choices: EDITION_NAMES, default: 'pro' },
    data: {
      type: 'string',
      description: 'Data directory (metadata and backed-up files)',
      placeholder: 'DIR',
      default: 'mbs-data',
    },
    host: { type: 'string', description: 'Address to bind', placeholder: 'H', default: '0.0.0.0' },
    port: {
      type: 'string',
      description: "TCP port (default: the edition's, or the next free in range)",
      placeholder: 'P',
    },
    'udp-port': {
      type: 'string',
      description: "UDP discovery port (default: the edition's, or next free)",
      placeholder: 'P',
    },
    'advertise-host': {
      type: 'string',
      description: 'Host put in the pairing QR and discovery answers',
      placeholder: 'H',
    },
    name: { type: 'string', description: 'Server name shown to devices', placeholder: 'NAME' },
    'console-key': {
      type: 'string',
      description: "The desktop side's key (default: the one kept in the data directory, made on first start)",
      placeholder: 'KEY',
    },
    'sms-webhook': {
      type: 'string',
      description: 'POST SMS messages as JSON to this URL (default: the outbox)',
      placeholder: 'URL',
    },
    'email-webhook': {
      type: 'string',
      description: 'POST e-mail messages as JSON to this URL (default: the outbox)',
      placeholder: 'URL',
    },
    'push-number-matching': { type: 'boolean', description: '2FA push requests carry a number to match in the app' },
    'conformance-clock': {
      type: 'boolean',
      description: "For conformance testing: let the console key move the server's clock (off by default)",
    },
    fault: {
      type: 'string',
      description: 'Run a faulty server variant, for testing a conformance kit (see mbsc selftest --list)',
      placeholder: 'NAME,NAME',
    },
  },
  async run(options, io) {
    const edition = options.edition as Edition;
    const faults = serverFaults(options.fault);
    const smsWebhook = webhookOption('sms-webhook', options['sms-webhook']);
    const emailWebhook = webhookOption('email-webhook', options['email-webhook']);
    const consoleKey = consoleKeyOption(options['console-key']);
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
        smsWebhook,
        emailWebhook,
        pushNumberMatching: options['push-number-matching'],
        conformanceClock: options['conformance-clock'],
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
    io.out(`Mobile Backup Server, ${EDITIONS[edition].label} edition, protocol v1`);
    io.out(`  TCP port ${identity.tcpPort}, UDP port ${identity.udpPort} (bound to ${options.host})`);
    io.out(`  URL        ${server.url}`);
    io.out(`  Console    ${server.url}/ (open it in a browser; sign in with the console key)`);
    io.out(`  Data       ${server.dataDir}`);
    io.out(`  Console key ${server.consoleKey}`);
    if (options['conformance-clock']) io.out("  Conformance clock on: the console key can move this server's clock");
    if (faults.length > 0) io.out(`  FAULTY VARIANT, not conforming on purpose: ${faults.join(', ')}`);
    if (EDITIONS[edition].twoFactor) {
      io.out(`  SMS to     ${smsWebhook ?? 'the outbox (mbsc outbox)'}`);
      io.out(`  E-mail to  ${emailWebhook ?? 'the outbox (mbsc outbox)'}`);
    }
    const console = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    io.out('');
    io.out(`Scan to pair a new device (valid until ${new Date(pairing.expiresAt).toISOString()}):`);
    io.out(await terminalQr(pairing.payload));
    io.out(pairing.payload);
    io.out('');
    io.out('Press Ctrl+C to stop.');
    const signal = await stop;
    io.out(`Stopping (${signal})…`);
    await server.close();
    return EXIT.ok;
  },
});

function webhookOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--${name} must be an http:// or https:// URL, not "${value}".`);
  }
  return url.href;
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
