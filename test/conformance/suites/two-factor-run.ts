/**
 * Runs 2FA checks through the runner against the reference server (Pro and Home) with one Android and one iOS
 * profile, as `mbsc run` would, and reads cells, requirement verdicts and failures back.
 */
import type { Check } from '../../../conformance/framework/check.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import type { Target } from '../../../conformance/targets/target.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import type { Summary } from '../../../reports/summary-schema.js';

export const PROFILES = ['redmi-note-8', 'iphone-6s'] as const;

export async function runTwoFactor(
  checks: readonly Check[],
  options: { runs?: number; seed?: number; path?: string; target?: Target; profiles?: readonly string[] } = {},
): Promise<Summary> {
  const seed = options.seed ?? 42;
  const { summary } = await runConformance({
    target: options.target ?? new ReferenceTarget(['pro', 'home']),
    checks,
    catalogue: REQUIREMENTS,
    profiles: (options.profiles ?? PROFILES).map((id) => loadProfile(id)),
    seed,
    runs: options.runs ?? 10,
    ...(options.path ? { path: options.path } : {}),
    command: 'test',
    kitVersion: 'test',
    replayCommand: (check, column, failure) =>
      `mbsc run --requirements ${check.requirements.join(',')} --seed ${failure.seed ?? seed}` +
      (failure.path ? ` --replay ${failure.path}` : ''),
  });
  return summary;
}

/** `[column, verdict, failure message or skip reason]` of every cell of a check. */
export function cellsOf(summary: Summary, checkId: string): [string, string, string | undefined][] {
  const check = summary.checks.find((c) => c.checkId === checkId);
  if (!check) throw new Error(`no check ${checkId} in the summary`);
  return check.cells.map((c) => [c.column, c.verdict, c.failure?.message ?? c.reason]);
}

export function verdictOf(summary: Summary, requirementId: string): string | undefined {
  return summary.requirements.find((r) => r.id === requirementId)?.verdict;
}

/** Every requirement the checks cover, with its verdict. */
export function verdictsOf(summary: Summary, checks: readonly Check[]): Record<string, string | undefined> {
  const ids = [...new Set(checks.flatMap((c) => c.requirements))].sort();
  return Object.fromEntries(ids.map((id) => [id, verdictOf(summary, id)]));
}

/** Failures, for a readable assertion message when a cell fails unexpectedly. */
export function failuresOf(summary: Summary): string[] {
  return summary.checks.flatMap((c) =>
    c.cells
      .filter((cell) => cell.verdict === 'fail')
      .map((cell) => {
        const f = cell.failure;
        const commands = f?.commands ? ` [${f.commands.join('; ')}]` : '';
        return `${c.checkId} @ ${cell.column} (${f?.requirements?.join(',') ?? 'all'}): ${f?.message}${commands} | ${f?.replayCommand}`;
      }),
  );
}
