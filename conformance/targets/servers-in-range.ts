/**
 * Which servers answer protocol v1 on an edition's TCP range of 127.0.0.1: how the kit finds a server it started with
 * no port given, as any client could, when what the process prints names no URL (a vendor's server prints what it
 * likes). A port held by something that is not an HTTP server (the port checks hold ports open) just times out.
 */
import { EDITIONS, type Edition } from '../spec/editions.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';

export interface InfoAnswer {
  readonly url: string;
  readonly serverId: string;
  readonly udpPort: number;
}

const LOOPBACK = '127.0.0.1';
/** Long enough for a server busy starting on the same two CPUs; a port that says nothing in that time is not one. */
const ASK_TIMEOUT_MS = 1_000;

/** The server answering GET /v1/info at this URL, if one does. */
export async function serverAt(url: string): Promise<InfoAnswer | undefined> {
  try {
    const info = await new MbsClient({ baseUrl: url, timeoutMs: ASK_TIMEOUT_MS }).call('getInfo');
    return { url, serverId: info.serverId, udpPort: info.udpPort };
  } catch {
    return undefined;
  }
}

/** Every server answering GET /v1/info on the edition's TCP range now, asked side by side. */
export async function serversInRange(edition: Edition): Promise<InfoAnswer[]> {
  const { first, last } = EDITIONS[edition].tcp;
  const ports = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const answers = await Promise.all(ports.map((port) => serverAt(`http://${LOOPBACK}:${port}`)));
  return answers.filter((a): a is InfoAnswer => a !== undefined);
}

/** Whether the server takes this console key: the one the kit gave the server it started tells it from the rest. */
export async function takesConsoleKey(url: string, consoleKey: string): Promise<boolean> {
  try {
    await new MbsClient({ baseUrl: url, consoleKey, timeoutMs: ASK_TIMEOUT_MS }).call('listDevices');
    return true;
  } catch {
    return false;
  }
}
