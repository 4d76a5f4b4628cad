/** What backup and restore jobs need from the app: its client, its items, its rules and its log. */
import type { Static } from 'typebox';
import type { AuthenticatorAccount, Counts, Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { MbsClient } from '../mbs-client/mbs-client.js';
import type { MediaItem } from '../device/media.js';
import type { AppRules } from './app-rules.js';
import type { LogCategory, LogLevel } from './app-log.js';
import type { HoldReason, JobKind } from './run-conditions.js';

export interface JobHost {
  client(): MbsClient;
  eligibleItems(): MediaItem[];
  isConfirmed(item: MediaItem): boolean;
  /** The content hashes of every item the server confirmed, on the phone or not. */
  confirmedHashes(): string[];
  stillOnDevice(item: MediaItem): boolean;
  confirm(item: MediaItem, held: Static<typeof Item>): void;
  metaOf(item: MediaItem): ItemMeta;
  /** Runs free up space; answers how many items it removed. */
  freeUpSpace(): Promise<number>;
  /** Bytes per upload append. */
  readonly chunkBytes: number;
  accountsToBackUp(): Static<typeof AuthenticatorAccount>[];
  holdReasons(kind: JobKind): HoldReason[];
  record(category: LogCategory, level: LogLevel, message: string): void;
  /** The rules the app was assembled with (straight, unless the kit's self-test bent one). */
  readonly rules: AppRules;
  /** The result line of a finished backup. */
  formatResult(counts: Counts, archived: number): string;
}
