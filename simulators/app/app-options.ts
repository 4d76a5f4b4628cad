/**
 * What the kit may tell the mobile app when installing it: where discovery looks, its install id and version, the
 * upload chunk size, where its own ids come from, and (for the kit's self-test only) which of its rules to bend.
 * All have defaults.
 */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { DiscoverySettings } from './server-pairing.js';

export interface AppOptions extends DiscoverySettings {
  readonly installId?: string;
  /** The installed app's version (Help > Version). */
  readonly version?: string;
  /** Bytes per upload append; small values make small items take several appends. */
  readonly chunkBytes?: number;
  /**
   * The ids of the 2FA page's accounts, in the order they are added. They travel in backups, so the kit draws them
   * from the run's seed; by default they derive from the device's profile and name (accounts.ts).
   */
  readonly accountIds?: () => string;
  /** Faulty variants of the app's rules, for the kit's self-test only (conformance/spec/faults.ts). Default none. */
  readonly faults?: readonly AppFault[];
}
