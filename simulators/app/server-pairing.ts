/**
 * Pairing with a backup server and finding it again (seed 000 §6.2.1): a scanned QR payload registers the device
 * with the server it names; a connection setting locates that server by discovery or takes the host the user
 * typed, and is accepted only when the paired server itself answers there.
 */
import { ClientError } from '../../conformance/spec/errors.js';
import { decodePairingPayload, type PairingPayload } from '../../conformance/spec/protocol/pairing.js';
import type { SimulatedDevice } from '../device/simulated-device.js';
import { APP_DISCOVERY_WAIT_MS, discoverServers } from '../mbs-client/discovery-client.js';
import { MbsClient } from '../mbs-client/mbs-client.js';
import type { AppLog } from './app-log.js';
import { isValidHost, urlHost, type ConnectionRules, type ConnectionSetting } from './connection.js';

export interface Pairing {
  readonly payload: PairingPayload;
  readonly deviceId: string;
  readonly deviceKey: string;
  /** The device's folder under the server's data directory, as the server told at pairing. */
  readonly backupPath: string;
  /** Where the server is reached now (connection settings may change it). */
  host: string;
  tcpPort: number;
}

export interface DiscoverySettings {
  /** Where "Automatically locate" sends discovery requests: the LAN broadcast address, or 127.0.0.1 in tests. */
  readonly discoveryHost?: string;
  readonly discoveryTimeoutMs?: number;
}

export interface ServerAddress {
  readonly host: string;
  readonly tcpPort: number;
}

/** Everything that speaks to the server needs a pairing first. */
export function requirePairing(pairing: Pairing | undefined): Pairing {
  if (!pairing) throw new ClientError('not-paired');
  return pairing;
}

/** The client the paired app speaks to its server with: where the server is now, with the device's key. */
export function pairedClient(pairing: Pairing): MbsClient {
  return new MbsClient({
    baseUrl: `http://${urlHost(pairing.host)}:${pairing.tcpPort}`,
    deviceKey: pairing.deviceKey,
  });
}

/** Registers the device with the server a scanned QR payload names; the app log records the outcome either way. */
export async function pairByQr(
  text: string,
  device: SimulatedDevice,
  app: { readonly installId: string; readonly appVersion: string },
  log: AppLog,
): Promise<Pairing> {
  const payload = decodePairingPayload(text);
  const client = new MbsClient({ baseUrl: `http://${urlHost(payload.host)}:${payload.tcp}` });
  try {
    const paired = await client.call('pair', {
      body: {
        token: payload.token,
        edition: payload.edition,
        device: {
          name: device.spec.name,
          model: device.spec.model,
          platform: device.platform,
          osVersion: device.spec.osVersion,
          installId: app.installId,
        },
        appVersion: app.appVersion,
      },
    });
    const pairing: Pairing = {
      payload,
      deviceId: paired.deviceId,
      deviceKey: paired.deviceKey,
      backupPath: paired.backupPath,
      host: payload.host,
      tcpPort: payload.tcp,
    };
    log.add('Backup', 'Info', `Backup registration with ${payload.edition} at ${payload.host}:${payload.tcp}`);
    return pairing;
  } catch (error) {
    log.add('Backup', 'Error', `Backup registration failed: ${(error as Error).message}`);
    throw error;
  }
}

/**
 * Where a connection setting reaches the paired server. Any other answer, or none, is "host-invalid": a typed
 * host may be some other machine, and the setting must not move the app to a server it is not paired with.
 */
export async function findServer(
  pairing: Pairing,
  setting: ConnectionSetting,
  discovery: DiscoverySettings,
  rules: ConnectionRules,
): Promise<ServerAddress> {
  if (setting.mode === 'manual' && !isValidHost(setting.host)) throw rules.connectFailure(setting.host, 'malformed');
  const located =
    setting.mode === 'manual'
      ? { host: setting.host, tcpPort: pairing.tcpPort }
      : await locate(pairing, discovery, rules);
  const probe = new MbsClient({ baseUrl: `http://${urlHost(located.host)}:${located.tcpPort}`, timeoutMs: 5000 });
  try {
    const info = await probe.call('getInfo');
    if (info.serverId !== pairing.payload.server) throw new Error('another server answered');
  } catch {
    throw rules.connectFailure(located.host, 'no-answer');
  }
  return located;
}

async function locate(pairing: Pairing, discovery: DiscoverySettings, rules: ConnectionRules): Promise<ServerAddress> {
  const found = await discoverServers({
    host: discovery.discoveryHost ?? '127.0.0.1',
    ports: [pairing.payload.udp],
    // The app looks for the one server its QR names and stops once it answers; the wait is for a busy machine.
    timeoutMs: discovery.discoveryTimeoutMs ?? APP_DISCOVERY_WAIT_MS,
    edition: pairing.payload.edition,
    enough: (answer) => answer.serverId === pairing.payload.server,
  });
  const server = found.find((s) => s.serverId === pairing.payload.server);
  if (!server) throw rules.connectFailure(undefined, 'no-answer');
  return { host: server.host, tcpPort: rules.dialedPort(server.tcpPort, pairing.payload.edition) };
}
