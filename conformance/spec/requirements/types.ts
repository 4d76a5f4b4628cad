/**
 * The shape of a catalogued requirement. Every entry is data checked by the compiler (`satisfies`) and by
 * test/conformance/spec/requirements/catalogue.test.ts (unique ids, known areas, sources that exist).
 */
import type { SeedFile, SeedSection } from './seed-sections.js';

/** Areas group requirements; the key is the id prefix (`RUN-03`). */
export const AREAS = {
  PLAT: 'Supported platforms and OS versions',
  EDN: 'Editions and their features',
  NET: 'Network, ports and discovery',
  PAIR: 'Pairing a device and connection settings',
  MIG: 'Migration to a replacement device',
  SRC: 'Backup source selection',
  FTYPE: 'Supported file types',
  LIM: 'OS limitations on backup and restore',
  BAK: 'Backup job, resume and integrity',
  RUN: 'Run conditions: LAN, battery, charging, power saving, automated backup',
  FUS: 'Free up space',
  RST: 'Restore',
  RFE: 'Restore file explorer',
  STO: 'Server storage layout and device list',
  SET: 'App settings, language and help',
  LOG: 'App log',
  TFA: '2FA accounts in the app and on the server',
  TOTP: 'Time-based one-time passwords',
  PUSH: 'Push approval',
  LOGIN: 'Desktop login flow',
  REC: 'Recovery when unable to log in',
  PWL: 'Password lock',
  ESEC: 'Enhanced security for 2FA',
  DESK: 'The desktop program’s screens',
} as const satisfies Record<string, string>;

export type Area = keyof typeof AREAS;

/** What a requirement applies to: a component, a platform or an edition. */
export const APPLIES_TO = ['server', 'app', 'android', 'ios', 'pro', 'lite', 'home'] as const;
export type AppliesTo = (typeof APPLIES_TO)[number];

/** MUST: a seed states it; a failure fails the run. ADVISORY: best practice we add; reported, never fails a run. */
export const LEVELS = ['MUST', 'ADVISORY'] as const;
export type Level = (typeof LEVELS)[number];

/** Where a requirement comes from: a seed file and one of its sections (see seed-sections.ts). */
export type SeedSource = {
  [F in SeedFile]: { readonly seed: F; readonly section: SeedSection<F> };
}[SeedFile];

export interface Requirement {
  /** `<AREA>-<two digits>`, stable forever once published. */
  readonly id: `${Area}-${number}${number}`;
  /** One line, testable: what must be observably true. */
  readonly statement: string;
  readonly level: Level;
  readonly appliesTo: readonly AppliesTo[];
  readonly source: SeedSource;
  /** ADVISORY only: the external best practice it comes from, e.g. `RFC 6238 §5.2`, `NIST SP 800-63B §5.1.4.2`. */
  readonly reference?: string;
  /** Where the seeds are vague or disagree: the interpretation this catalogue takes. */
  readonly interpretation?: string;
}
