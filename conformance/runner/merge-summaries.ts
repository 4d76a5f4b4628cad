/**
 * `mbsc merge`: joins the shards of one run into the Summary the unsharded run would have written. Cells are taken
 * as the shards recorded them; everything judged from cells (requirement verdicts, totals, device verdicts) is judged
 * again by the runner's own rules over the joined cells, since a requirement covered by checks in two shards has a
 * verdict neither shard alone could give. Checks of a missing shard are listed with no cells, and requirements they
 * cover that would otherwise pass are untested, naming the gap. The merged run's verdict is judged as a live run's.
 */
import type { Requirement } from '../spec/requirements/types.js';
import type { Check } from '../kit/check.js';
import { SUMMARY_SCHEMA_VERSION, type CheckResult, type RequirementResult, type Summary } from './summary-schema.js';
import { planMerge, type ShardGap, type ShardRun } from './merge-plan.js';
import { deviceVerdicts, judgeRequirements, verdictFields } from './summary-verdicts.js';
import { kitWarningsField } from './kit-warnings.js';

export type { ShardGap, ShardRun } from './merge-plan.js';

/** What the merging kit knows: its catalogue and its checks (whose shards' summaries name them only by id). */
export interface MergeKit {
  readonly catalogue: readonly Requirement[];
  readonly checks: readonly Pick<Check, 'id' | 'title' | 'area' | 'requirements' | 'scope'>[];
}

export interface MergeResult {
  readonly summary: Summary;
  /** Shards whose checks did not run; empty when the merge is complete. */
  readonly gaps: readonly ShardGap[];
}

export function mergeShards(
  runs: readonly ShardRun[],
  kit: MergeKit,
  command: string,
  options: { readonly failOnUntested?: boolean } = {},
): MergeResult {
  const plan = planMerge(runs, kit.checks);
  const first = (plan.runs[0] as ShardRun).summary;
  const kitById = new Map(kit.checks.map((c) => [c.id, c]));
  const recorded = new Map(plan.runs.flatMap((r) => r.summary.checks.map((c) => [c.checkId, c] as const)));
  const selection = plan.selection.map((id) => kitById.get(id) as MergeKit['checks'][number]);
  const results: CheckResult[] = selection.map(
    (c) =>
      recorded.get(c.id) ?? {
        checkId: c.id,
        title: c.title,
        area: c.area,
        requirements: [...c.requirements],
        cells: [],
      },
  );
  const selected = plan.requirements ? new Set(plan.requirements) : undefined;
  const judged = judgeRequirements(kit.catalogue, results, selection, {
    ...(selected ? { selected } : {}),
    expectedFailures: new Set(first.requirements.filter((r) => r.expectedFailure).map((r) => r.id)),
  });
  const requirements = judged.requirements.map((row) => withGaps(row, plan.gaps, selected));
  const profiles = first.devices.map((d) => ({ id: d.profile, platform: d.platform, osVersion: d.osVersion }));
  const starts = plan.runs.map((r) => Date.parse(r.summary.startedAt));
  const ends = plan.runs.map((r) => Date.parse(r.summary.startedAt) + r.summary.durationMs);
  const fields = verdictFields(requirements, {
    checks: selection.length,
    ...(options.failOnUntested ? { failOnUntested: true } : {}),
  });
  // Key order as the runner writes it, so merged and live summary.json files read alike.
  const summary: Summary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    verdict: fields.verdict,
    ...(fields.reason !== undefined ? { reason: fields.reason } : {}),
    kitVersion: first.kitVersion,
    target: first.target,
    seed: first.seed,
    startedAt: new Date(Math.min(...starts)).toISOString(),
    // From the first shard's start to the last one's end: the time the whole run took, shards side by side.
    durationMs: Math.max(0, Math.max(...ends) - Math.min(...starts)),
    command,
    totals: fields.totals,
    requirements,
    checks: results,
    devices: deviceVerdicts(profiles, results, selection, kit.catalogue),
    columns: first.columns,
    fixedExpectedFailures: fields.fixedExpectedFailures,
    reporterErrors: [],
    ...kitWarningsField(results),
    ...inTurnField(plan.runs.map((r) => r.summary)),
  };
  return { summary, gaps: plan.gaps };
}

/**
 * A requirement that a missing shard's check covers cannot pass or be skipped on the evidence of the rest. What the
 * given shards did find stands: a failure, an advisory finding, or an error (the kit failed, or the shard's target
 * could not be reached).
 */
function withGaps(
  row: RequirementResult,
  gaps: readonly ShardGap[],
  selected: ReadonlySet<string> | undefined,
): RequirementResult {
  if (row.verdict === 'fail' || row.verdict === 'advisory' || row.verdict === 'error') return row;
  if (selected && !selected.has(row.id)) return row;
  const hit = gaps.filter((gap) => gap.checks.some((id) => row.checks.includes(id)));
  if (hit.length === 0) return row;
  const checks = hit.flatMap((gap) => gap.checks.filter((id) => row.checks.includes(id)));
  const reason = `${hit.map((gap) => gap.reason).join('; ')}: its checks ${checks.join(', ')} did not run`;
  return { ...row, verdict: 'untested', reason };
}

/** The shards' cells when their device checks took the editions in turn: each shard's count, summed. */
function inTurnField(shards: readonly Summary[]): Pick<Summary, 'editionsInTurn'> {
  const counts = shards.flatMap((shard) => (shard.editionsInTurn ? [shard.editionsInTurn] : []));
  if (counts.length === 0) return {};
  const sum = (key: 'cells' | 'of') => counts.reduce((total, count) => total + count[key], 0);
  return { editionsInTurn: { cells: sum('cells'), of: sum('of') } };
}
