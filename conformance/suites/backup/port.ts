/**
 * The port the backup, resume and integrity commands (commands.ts) act on, `BackupApp`, and what passes
 * through it. It has two adapters: the app model on a simulated device in process (model-in-process.ts) and the app through
 * its screens and `mobile:` methods (model-screens.ts), so one model checks both. An adapter leaves out what it
 * cannot see (the wire, the server's bytes and folders), and the commands it cannot give.
 */
import type { ItemKind } from '../../spec/file-types.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { DeviceEntry, HeldEntry } from './model.js';

export type Interrupt = { readonly after: number; readonly by: 'stop' | 'lan' | 'battery' };

/** A medium to put on the phone: a new one, or a copy of one already there (same bytes). */
export interface NewMedia {
  readonly serial: number;
  readonly name: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly copyOf?: DeviceEntry;
}

/** An item the server lists: `sha256` is the adapter's content key (the hash in process). */
export interface ListedItem {
  readonly sha256: string;
  readonly name: string;
  readonly tab: TabName;
  /** Where the server stored it; absent where the adapter cannot see it. */
  readonly storedAs?: string;
}

export interface JobSeen {
  readonly state: string;
  readonly holdReasons: readonly string[];
  /** The counts of a finished job; absent where the adapter cannot see them. */
  readonly counts?: unknown;
}

export interface BackupApp {
  addMedia(media: NewMedia): Promise<Omit<DeviceEntry, 'kind' | 'eligible'>>;
  removeMedia(id: string): Promise<void>;
  /** Taps Backup (or Resume Backup), interrupted after the n-th append when asked (in process only). */
  backup(interrupt: Interrupt | undefined): Promise<{ readonly fired: boolean; readonly stopProblem?: string }>;
  stop(): Promise<void>;
  setLan(on: boolean): Promise<void>;
  setBattery(level: number): Promise<void>;
  addAccount(issuer: string, label: string): Promise<void>;
  /** Waits until the app is idle after a step. */
  idle(): Promise<void>;
  job(): Promise<JobSeen | undefined>;
  /** What went over the wire: a byte sent twice, and the bytes on the wire against the jobs' counters. */
  readonly wire?: () => { twice: string | undefined; wired: number; counted: number };
  serverItems(): Promise<ListedItem[]>;
  /** Whether the server's copy is byte-identical to the item's content. */
  readonly sameBytes?: (item: ListedItem, held: HeldEntry) => Promise<boolean>;
  /** The finished job's result line, "Backup completed: …". */
  resultLine(): Promise<string | undefined>;
  /** How many files the server keeps in a job's folder on disk, when it can be seen. */
  readonly filesOnDisk?: (folder: string) => Promise<number | undefined>;
}
