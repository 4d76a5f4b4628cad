/**
 * The nemesis of a model-based check: the faults it can inject into the target, each a command drawn like any other.
 * Through its proxy it cuts requests, drops answers, slows them and partitions the network, on any target; with a
 * server the target lets it crash, it kills that server and starts it again on its data, and fills its disk when the
 * disk is a size-limited one (a small mount, or a quota the server keeps to): a file as large as the room left; and
 * where the server takes crash points, it arms one, so that the server dies between hashing an item and committing
 * it. Each fault goes into the history, so that a witness shows it among the operations.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RestartableServer, TargetSession } from '../../targets/target.js';
import type { HistoryRecorder } from '../history/history.js';
import { FaultProxy, type NetFault } from './fault-proxy.js';
import { CRASH_POINTS, type CrashPoint } from '../../spec/crash-points.js';

const FILLER = 'nemesis-filler';

export class Nemesis {
  private full = false;
  /** Faults that took effect: proxy faults that met a request, crashes, disk fills. */
  private crashesAndFills = 0;

  private constructor(
    readonly proxy: FaultProxy,
    readonly server: RestartableServer | undefined,
    /** Why the server cannot be crashed, when it cannot: the faults left out. */
    readonly restartLack: string | undefined,
    private readonly recorder: () => HistoryRecorder,
  ) {}

  /** A server to inject faults into: one the target lets the kit crash, else the session's own behind the proxy. */
  static async open(session: TargetSession, recorder: () => HistoryRecorder): Promise<Nemesis> {
    const server = session.startRestartableServer ? await session.startRestartableServer() : undefined;
    const proxy = await FaultProxy.start(server?.url ?? session.url);
    const lack = server ? undefined : (session.restartLack ?? 'the target offers no server the kit may crash');
    return new Nemesis(proxy, server, lack, recorder);
  }

  get injected(): number {
    return this.proxy.injected + this.crashesAndFills;
  }

  get canCrash(): boolean {
    return this.server !== undefined;
  }

  get canFillDisk(): boolean {
    return this.server?.disk !== undefined;
  }

  /** Why no crash point can be armed on this target, when none can: the states that need one are not reachable. */
  get crashPointLack(): string | undefined {
    if (!this.server) return this.restartLack;
    return this.server.crashPoints ? undefined : (this.server.crashPointLack ?? 'the server takes no crash point');
  }

  get diskFull(): boolean {
    return this.full;
  }

  arm(fault: NetFault): void {
    this.proxy.arm(fault);
    this.recorder().note(describe(fault));
  }

  partition(on: boolean): void {
    this.proxy.partition(on);
    this.recorder().note(on ? 'partition: every request cut' : 'partition healed');
  }

  /** SIGKILL and a start on the same data; the proxy follows the server to its new port. */
  async crash(): Promise<void> {
    if (!this.server) return;
    this.recorder().note('kill -9 the server and start it on its data');
    await this.server.restart();
    this.proxy.retarget(this.server.url);
    this.crashesAndFills += 1;
  }

  /** Arms a crash point of the server (conformance/spec/crash-points.ts): it dies there when its work reaches it. */
  armCrashPoint(point: CrashPoint): void {
    const points = this.server?.crashPoints;
    if (!points) return;
    // The arming file is a write to the server's disk: a full one takes none.
    if (this.full) return this.recorder().note(`crash point ${point} not armed: the disk is full`);
    points.arm(point);
    this.recorder().note(`crash point armed: ${point} (${CRASH_POINTS[point]})`);
  }

  /**
   * After an operation ended without an answer: whether the server died at the crash point armed; if it did, it is
   * started again on its data (the proxy following it), as a reboot after the power cut.
   */
  async restartIfCrashed(): Promise<boolean> {
    const points = this.server?.crashPoints;
    if (!this.server || !points?.fired()) return false;
    points.arm(undefined);
    this.recorder().note('the server died at its crash point; started again on its data');
    await this.server.restart();
    this.proxy.retarget(this.server.url);
    this.crashesAndFills += 1;
    return true;
  }

  /** Fills the server's disk to its last byte (a mount's or a quota's alike), or frees it again. */
  fillDisk(on: boolean): void {
    const disk = this.server?.disk;
    if (!disk || (on && this.full)) return;
    const filler = path.join(disk.dir, FILLER);
    if (on) {
      fillTo(filler, disk.free());
      this.crashesAndFills += 1;
    } else {
      // Whatever the filler holds goes, even one left by a fill that stopped short.
      rmSync(filler, { force: true });
      if (!this.full) return;
    }
    this.full = on;
    this.recorder().note(on ? "server's disk filled" : "server's disk freed");
  }

  /** Every fault healed, so a sequence's last reads meet the server as it is. */
  heal(): void {
    this.proxy.partition(false);
    this.proxy.arm(undefined);
    this.server?.crashPoints?.arm(undefined);
    this.fillDisk(false);
  }

  async close(): Promise<void> {
    this.heal();
    await this.proxy.close();
    await this.server?.close();
  }
}

/**
 * Writes `bytes` into the filler; a disk that runs out before its last byte (the server wrote meanwhile, or a mount
 * counts in pages) is full all the same, which is what was asked.
 */
function fillTo(filler: string, bytes: number): void {
  try {
    writeFileSync(filler, Buffer.alloc(bytes));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
}

function describe(fault: NetFault): string {
  if (fault.kind === 'slow-answer') return `next answer delayed ${fault.delayMs} ms`;
  if (fault.kind === 'drop-answer') return 'next answer dropped after the server handled it';
  return fault.bodyBytes === undefined
    ? 'next request cut before it reaches the server'
    : `next request cut after ${fault.bodyBytes} body bytes`;
}
