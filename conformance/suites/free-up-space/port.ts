/** The port the free up space model acts on, `FreeUpSpaceApp`: what a step does to the app, and what it shows after. */
// Two adapters: the app model on a simulated device in process (model-in-process.ts) and the app through its screens
// and `mobile:` methods (model-screens.ts), so one model checks both.
import type { ItemKind } from '../../spec/file-types.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { MediaOrigin, StorageArea } from '../../../simulators/device/media.js';
import type { FusModel } from './model.js';

/** A medium to put on the phone: its real kind (an Android HEIF is a photo), where, from where, and when taken. */
export interface NewMedia {
  readonly serial: number;
  readonly kind: ItemKind;
  readonly heif: boolean;
  readonly size: number;
  readonly capturedAt: number;
  readonly origin: MediaOrigin;
  readonly storage: StorageArea;
}

/** What the app shows after a step; an adapter leaves out what it cannot see. */
export interface FusSeen {
  /** Device ids of the items on the phone. */
  readonly onPhone: readonly string[];
  readonly freeBytes: number;
  readonly limitGb: number;
  /** The contents in iOS's Recently Deleted. */
  readonly recentlyDeleted?: readonly string[];
  /** The N of each deletion prompt shown so far. */
  readonly prompts?: readonly number[];
  /** What the server lists, for the kinds in `serverKinds` only. */
  readonly server: readonly { readonly content: string; readonly tab: TabName }[];
  readonly serverKinds: readonly ItemKind[];
}

export interface FreeUpSpaceApp {
  /**
   * Whether to check each platform's own rules (FUS-10, FUS-12, FUS-14: free bytes, the Android result): a check
   * over both platforms leaves them out, so that it never charges a failure to rules it does not declare.
   */
  readonly platformRules: boolean;
  setFreeBytes(bytes: number): Promise<void>;
  setFreeUpSpace(on: boolean): Promise<void>;
  /** Whether the app refused the limit. */
  chooseLimit(gb: number): Promise<boolean>;
  addMedia(media: NewMedia): Promise<{ readonly id: string; readonly name: string; readonly content: string }>;
  /** Taps Backup and waits for the job: its state, what it says it archived, and the log's last Backup Info line. */
  backUp(): Promise<{ readonly state: string; readonly archived: number | undefined; readonly resultLine: string }>;
  /** Absent where the iOS deletion prompt cannot be answered. */
  readonly setDeleteConsent?: (consent: 'allow' | 'deny') => Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Restores the oldest item of the Archive tab that is not on the phone: what it restored, and its new id. */
  restoreOldestArchived(m: FusModel): Promise<
    | {
        readonly restored: Record<ItemKind, number>;
        readonly kind: ItemKind;
        readonly content: string;
        readonly id: string;
        readonly name: string;
      }
    | undefined
  >;
  observe(): Promise<FusSeen>;
}
