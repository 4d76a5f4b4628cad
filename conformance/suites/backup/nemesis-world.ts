/**
 * What the backup nemesis commands act on: one paired device reaching the server through the nemesis's proxy, the
 * items on its phone, the job it has open, the history of the sequence, and the states the property must reach.
 * The phone is the kit's own client of the protocol: the nemesis judges the server, not the app model.
 */
import type { HistoryRecorder } from '../../kit/history/history.js';
import { type OpValue } from '../../kit/history/history.js';
import type { Nemesis } from '../../kit/nemesis/nemesis.js';
import { outcomeOf } from '../../kit/nemesis/outcome.js';
import { bytesOf, metaOf, pairDevice, sha256, type PairedDevice } from '../../kit/server-support.js';
import type { Sometimes } from '../../kit/sometimes.js';
import type { ItemKind } from '../../spec/file-types.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';

/** The states the nemesis property must reach in some of its sequences. */
export const NEMESIS_STATES = [
  'resume-from-non-zero-offset',
  'crash-with-acknowledged-item-in-open-job',
  'crash-after-answer-dropped',
  'answer-dropped-after-upload-completed',
  'write-refused-on-full-disk',
  'request-cut-mid-body',
  'crash-between-hashing-and-committing',
] as const;
export type NemesisState = (typeof NEMESIS_STATES)[number];

export interface PhoneItem {
  readonly kind: ItemKind;
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly capturedAt: number;
}

export class NemesisWorld {
  readonly phone: PhoneItem[] = [];
  /** Upload ids by item hash, for a resume or a cancel. */
  readonly uploads = new Map<string, string>();
  /** Items the server acknowledged, and those acknowledged in the job still open. */
  readonly acknowledged = new Set<string>();
  readonly inOpenJob = new Set<string>();
  job: string | undefined;
  /** The phone's clock, as far ahead of (or behind) the server's as the nemesis moved it. */
  phoneClockSkewMs = 0;
  /** The last upload's answer was dropped by the nemesis. */
  answerDropped = false;

  private constructor(
    readonly recorder: HistoryRecorder,
    readonly nemesis: Nemesis,
    readonly device: PairedDevice,
    readonly sometimes: Sometimes<NemesisState>,
  ) {}

  static async pair(
    session: TargetSession,
    nemesis: Nemesis,
    name: string,
    sometimes: Sometimes<NemesisState>,
    recorder: HistoryRecorder,
  ): Promise<NemesisWorld> {
    const console = consoleBeside(session, nemesis);
    const device = await pairDevice({ ...session, url: nemesis.proxy.url, ...(console ? { console } : {}) }, name);
    return new NemesisWorld(recorder, nemesis, device, sometimes);
  }

  get process(): string {
    return this.device.deviceId;
  }

  get client(): MbsClient {
    return this.device.client;
  }

  addItem(kind: ItemKind, size: number, seed: number): void {
    const bytes = bytesOf(seed, size);
    this.phone.push({ kind, bytes, sha256: sha256(bytes), capturedAt: Date.UTC(2021, 6, 19) + this.phoneClockSkewMs });
  }

  metaOf(item: PhoneItem) {
    return { ...metaOf(item.kind, `nemesis-${item.sha256.slice(0, 8)}`), capturedAt: item.capturedAt };
  }

  /**
   * The open job, started when none is: undefined when the server could not start one (a full disk refuses the
   * database's write of a job as it refuses an item's bytes).
   */
  async openJob(): Promise<string | undefined> {
    if (this.job) return this.job;
    const backup = await this.client.call('startBackup', { body: {} }).catch(() => {
      if (this.nemesis.diskFull) this.sometimes.reach('write-refused-on-full-disk');
      return undefined;
    });
    this.job = backup?.backupId;
    this.inOpenJob.clear();
    return this.job;
  }

  /** Runs one operation into the history: `ok` with what `after` makes of its result, else as its error says. */
  record<T>(value: OpValue, body: () => Promise<T>, after: (result: T) => OpValue = () => value) {
    return this.recorder.run(this.process, value, body, after, outcomeOf);
  }
}

/** The desktop side, straight to the server: the nemesis's faults are the phone's network, not the desktop's. */
export function consoleBeside(session: TargetSession, nemesis: Nemesis): MbsClient | undefined {
  const server = nemesis.server;
  return server ? new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }) : session.console;
}
