/**
 * What the suites test: a server (ours, started by the runner, or one already running such as a vendor's) with
 * simulated devices. Every check reaches the server only through the protocol, so any server is tested alike.
 */
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { AppUnderTest } from './app-under-test.js';

export interface TargetDescription {
  readonly kind: 'reference' | 'server' | 'app';
  readonly url?: string;
  readonly editions: readonly Edition[];
  readonly description: string;
}

export interface TargetSession {
  readonly edition: Edition;
  /** Base URL of the server's HTTP port. */
  readonly url: string;
  readonly host: string;
  readonly udpPort: number;
  /** The desktop side of the server; absent when the target gives no console key (pairing checks then skip). */
  readonly console?: MbsClient;
  /** Whether the runner controls this server (it can restart it, read its files, move its clock). */
  readonly controlled: boolean;
  /** The server's data directory, when the runner controls it. */
  readonly dataDir?: string;
  /** The app device checks install on their simulated devices. */
  readonly app: AppUnderTest;
  /** Faulty variants the runner started the reference server with (self-test); checks that start servers of
   * their own start them alike. */
  readonly serverFaults?: readonly ServerFault[];
  close(): Promise<void>;
}

export interface Target {
  describe(): TargetDescription;
  open(edition: Edition): Promise<TargetSession>;
}
