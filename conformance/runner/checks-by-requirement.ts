/**
 * Which checks give evidence for each requirement, and the file each is written in: the traceability the report
 * shows cell by cell, as a table a reader can follow from a requirement to the code that checks it.
 */
import type { AreaSuite } from '../kit/area.js';

export interface CheckLocation {
  readonly id: string;
  /** The check's file, relative to the project's root (`conformance/suites/run-conditions/backup-held.ts`). */
  readonly file: string;
}

export function checksByRequirement(areas: readonly AreaSuite[]): ReadonlyMap<string, readonly CheckLocation[]> {
  const out = new Map<string, CheckLocation[]>();
  for (const { area, checks, files } of areas) {
    for (const check of checks) {
      const location = { id: check.id, file: `conformance/suites/${area.folder}/${files.get(check) ?? 'index.ts'}` };
      for (const requirement of check.requirements) out.set(requirement, [...(out.get(requirement) ?? []), location]);
    }
  }
  return out;
}
