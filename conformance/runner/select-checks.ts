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
  /**
   * The requirements the run judges, when it is narrowed: those asked for (`--requirements`), else those its checks
   * cover (`--tags`, `--checks`) and those no check covers at all; any other reads `skipped`, not selected, never
   * "no check covers it".
   */
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
  if (!filter.requirements) {
    const chosen = held(checks, asked);
    if (!filter.checks && !filter.tags) return chosen;
    return { ...chosen, requirements: judgedBy([...chosen.checks, ...chosen.leftOut], all, knownRequirements) };
  }
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

/** The requirements `chosen` cover, and those no check of `all` covers (which read untested whatever is chosen). */
function judgedBy(chosen: readonly Check[], all: readonly Check[], known: readonly string[]): Set<string> {
  const coveredByAny = new Set(all.flatMap((c) => c.requirements));
  const covered = new Set(chosen.flatMap((c) => c.requirements));
  return new Set(known.filter((id) => covered.has(id) || !coveredByAny.has(id)));
}
