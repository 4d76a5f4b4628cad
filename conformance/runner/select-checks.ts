/**
 * Which checks a run runs: all, or those covering the requirements asked for (`--requirements`), those with a tag
 * (`--tags`, matched against check tags and areas), or named checks (`--checks`). Unknown ids get the nearest known.
 * A check marked opt-in runs only when its id or one of its own tags is asked for; matched otherwise, it is left out
 * of the run, and its cells are reported skipped with the reason (run-conformance.ts).
 */
import { ClientError } from '../spec/errors.js';
import { didYouMean } from '../spec/nearest-name.js';
import type { Check } from '../kit/check.js';

export interface Selection {
  readonly checks: Check[];
  /**
   * Opt-in checks the filters matched but that were not asked for: the run plans their cells and reports each
   * `skipped`, saying why they were left out and how to ask for them, so that no planned cell goes unreported.
   */
  readonly leftOut: Check[];
  /** The requirement ids asked for, when a run is narrowed to them. */
  readonly requirements?: ReadonlySet<string>;
}

export function selectChecks(
  all: readonly Check[],
  knownRequirements: readonly string[],
  filter: { requirements?: readonly string[]; tags?: readonly string[]; checks?: readonly string[] },
): Selection {
  const asked = (c: Check) =>
    filter.checks?.includes(c.id) === true ||
    (c.tags ?? []).some((t) => filter.tags?.some((asked) => asked.toLowerCase() === t.toLowerCase()));
  let checks = [...all];
  if (filter.checks) {
    const ids = all.map((c) => c.id);
    for (const id of filter.checks) {
      if (!ids.includes(id)) throw new ClientError('requirement-unknown', `No check "${id}".${didYouMean(id, ids)}`);
    }
    checks = checks.filter((c) => filter.checks?.includes(c.id));
  }
  if (filter.tags) {
    const tags = filter.tags.map((t) => t.toLowerCase());
    checks = checks.filter((c) => [c.area, ...(c.tags ?? [])].some((t) => tags.includes(t.toLowerCase())));
  }
  if (!filter.requirements) return held(checks, asked);
  for (const id of filter.requirements) {
    if (!knownRequirements.includes(id)) {
      throw new ClientError('requirement-unknown', `No requirement "${id}".${didYouMean(id, knownRequirements)}`);
    }
  }
  const wanted = new Set(filter.requirements);
  const covering = checks.filter((c) => c.requirements.some((r) => wanted.has(r)));
  return { ...held(covering, asked), requirements: wanted };
}

/** The matched checks split: those the run runs, and the opt-in ones not asked for, which it only reports. */
function held(matched: readonly Check[], asked: (c: Check) => boolean): Pick<Selection, 'checks' | 'leftOut'> {
  const left = (c: Check) => c.optIn !== undefined && !asked(c);
  return { checks: matched.filter((c) => !left(c)), leftOut: matched.filter(left) };
}
