/**
 * An area of the suites: one folder of `conformance/suites/`, the catalogue areas its checks give evidence for and
 * the seed sections those requirements come from. Every check id begins with the area's name, so a cell in a
 * report, a replay command or an expected-failures entry names the folder its check lives in. A test ties each
 * declaration to the checks its index exports (test/conformance/suites/areas.test.ts).
 */
import type { Area, SeedSource } from '../spec/requirements/types.js';
import type { Check } from './check.js';

export interface AreaDeclaration {
  /** The prefix of every check id of the area: the folder's name (`run-conditions`), or `tfa-<sub-folder>`. */
  readonly name: string;
  /** The folder under conformance/suites/. */
  readonly folder: string;
  readonly title: string;
  /** The catalogue areas (requirement id prefixes) the area's checks cover. */
  readonly codes: readonly Area[];
  /** The seed sections the covered requirements cite. */
  readonly seedSections: readonly SeedSource[];
}

/** What an area's index exports: its declaration and its checks by the file each lives in. */
export interface AreaSuite {
  readonly area: AreaDeclaration;
  /** The checks, in the order a run runs them. */
  readonly checks: readonly Check[];
  /** Each check's file, relative to the area's folder (`backup-held.ts`). */
  readonly files: ReadonlyMap<Check, string>;
}

/** An area's suite from its checks listed by file, in the order a run runs them. */
export function defineSuite(area: AreaDeclaration, byFile: Readonly<Record<string, readonly Check[]>>): AreaSuite {
  const files = new Map<Check, string>();
  for (const [file, checks] of Object.entries(byFile)) for (const check of checks) files.set(check, file);
  return { area, checks: [...files.keys()], files };
}

/** Seed sections of one seed file, written as the catalogue keys them. */
export function sectionsOf<F extends SeedSource['seed']>(
  seed: F,
  sections: readonly Extract<SeedSource, { seed: F }>['section'][],
): SeedSource[] {
  return sections.map((section) => ({ seed, section }) as SeedSource);
}
