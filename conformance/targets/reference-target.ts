/**
 * The default target: the reference server, started by the runner on 127.0.0.1 for each edition, with a fresh data
 * directory and a clock the checks can move forward.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Edition } from '../spec/editions.js';
import { startServer } from '../../reference-server/server.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { Target, TargetSession } from './target.js';

/** A wall clock that can be moved forward, for checks of lifetimes and expiries. */
export class OffsetClock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface ReferenceSession extends TargetSession {
  readonly clock: OffsetClock;
}

/**
 * Where the runner's reference servers keep their data: memory-backed /dev/shm when the machine has it. The
 * suites test the protocol, not the disk; the reference server's durability has tests of its own on a real disk.
 */
function scratchRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

export class ReferenceTarget implements Target {
  constructor(private readonly editions: readonly Edition[]) {}

  describe() {
    return {
      kind: 'reference' as const,
      editions: this.editions,
      description: `the reference server (${this.editions.join(', ')}), started on 127.0.0.1`,
    };
  }

  async open(edition: Edition): Promise<ReferenceSession> {
    const dataDir = mkdtempSync(path.join(scratchRoot(), `mbsc-run-${edition}-`));
    const clock = new OffsetClock();
    const server = await startServer({
      edition,
      dataDir,
      host: '127.0.0.1',
      tcpPort: 0,
      udpPort: 0,
      clock,
      name: `reference ${edition}`,
    });
    return {
      edition,
      url: server.url,
      host: '127.0.0.1',
      udpPort: server.identity.udpPort,
      console: new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }),
      controlled: true,
      dataDir,
      clock,
      async close() {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
}
