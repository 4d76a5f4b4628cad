/**
 * What index.html embeds: the Summary as it is, plus the views the viewer draws (the traceability matrix, the
 * findings and the errors) computed in TypeScript, so the viewer holds no rules of its own, only drawing. Bump
 * REPORT_DATA_VERSION when the shape changes; the viewer checks it.
 */
import { exchangeLines } from '../exchange-text.js';
import { findings, type Finding, type FindingVerdict } from '../findings.js';
import type { Failure, Summary } from '../../conformance/runner/summary-schema.js';
import { traceabilityMatrix, type TraceabilityMatrix } from '../traceability.js';
import { notJudged, uncheckedRequirements, type NotJudged, type UncheckedRequirement } from './not-checked.js';
import { runTimeline, verdictByArea, type AreaBar, type Timeline } from './run-charts.js';
import { seedSectionLink } from '../allure/allure-links.js';

/**
 * 2: findings may be `error`, each names its anchor, and errors come grouped by reason. 3: a finding carries its
 * HTTP exchanges as text. 4: a failure or advisory finding stands for every column with the same finding (its
 * `columns`); the charts, and what was not checked here. 5: error cells are in `errors` only, one group per reason
 * listing each cell (check and column, with its own replay command when it has one), no longer a finding each;
 * `seedLinks`, each requirement's seed section where the seeds are published (--seeds-url).
 */
export const REPORT_DATA_VERSION = 5;

/** One column a finding was seen on, with what replays it there. */
export interface FindingColumn {
  readonly column: string;
  readonly seed?: number;
  readonly replayCommand: string;
}

export interface FindingView {
  readonly checkId: string;
  readonly title: string;
  readonly area: string;
  readonly column: string;
  readonly verdict: FindingVerdict;
  readonly requirementIds: readonly string[];
  readonly expected: boolean;
  readonly runs: number;
  readonly durationMs: number;
  readonly failure: Failure;
  /** The id of the element that shows it: its card. */
  readonly anchor: string;
  /** The failure's HTTP exchanges as the other writers print them (reports/exchange-text.ts); absent without any. */
  readonly exchangesText?: string;
  /**
   * Every column with this finding: the same check, verdict and message against the same requirements. The first
   * one's details (seed, counterexample, exchanges) stand for all.
   */
  readonly columns: readonly FindingColumn[];
}

/**
 * The error cells that share one reason, shown once: an unreachable target gives every cell the same reason, and a
 * page of identical cards would bury it. The first cell's failure (a kit error's stack and replay) stands for all.
 */
export interface ErrorGroup {
  readonly anchor: string;
  readonly reason: string;
  readonly failure: Failure;
  readonly cells: readonly ErrorCell[];
}

/** One error cell of a group: which check on which column, and the command that replays it (a kit error's). */
export interface ErrorCell {
  readonly checkId: string;
  readonly title: string;
  readonly column: string;
  readonly replayCommand?: string;
}

export interface ReportData {
  readonly version: typeof REPORT_DATA_VERSION;
  /** ISO 8601: when this file was written, which may be long after the run (a report rebuilt from summary.json). */
  readonly generatedAt: string;
  readonly summary: Summary;
  readonly matrix: TraceabilityMatrix;
  readonly findings: readonly FindingView[];
  readonly errors: readonly ErrorGroup[];
  readonly areas: readonly AreaBar[];
  readonly timeline: Timeline;
  readonly notJudged: readonly NotJudged[];
  readonly unchecked: readonly UncheckedRequirement[];
  /** Requirement id → its seed section at the published seeds' address; empty without one. */
  readonly seedLinks: Readonly<Record<string, { readonly name: string; readonly url: string }>>;
}

export function reportData(
  summary: Summary,
  generatedAt: Date = new Date(),
  options: { readonly seedsUrl?: string | undefined } = {},
): ReportData {
  const list = findings(summary);
  const matrix = traceabilityMatrix(summary);
  return {
    version: REPORT_DATA_VERSION,
    generatedAt: generatedAt.toISOString(),
    summary,
    matrix,
    findings: sameFindings(list.filter((f) => f.verdict !== 'error')).map((members, index) => {
      const [{ cell, ...finding }] = members as [Finding, ...Finding[]];
      const exchanges = exchangeLines(finding.failure);
      return {
        ...finding,
        runs: cell.runs,
        durationMs: cell.durationMs,
        anchor: `finding-${index}`,
        ...(exchanges.length > 0 ? { exchangesText: exchanges.join('\n') } : {}),
        columns: members.map(({ column, failure }) => ({
          column,
          ...(failure.seed !== undefined ? { seed: failure.seed } : {}),
          replayCommand: failure.replayCommand,
        })),
      };
    }),
    errors: errorGroups(list),
    areas: verdictByArea(matrix),
    timeline: runTimeline(summary),
    notJudged: notJudged(summary),
    unchecked: uncheckedRequirements(summary),
    seedLinks: seedLinks(summary, options.seedsUrl),
  };
}

/**
 * Failures and advisory findings grouped so that one advisory seen on 21 columns is one card listing them: the same
 * check, verdict, baseline status, requirements and message. Errors are grouped by reason instead (below).
 */
function sameFindings(list: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of list) {
    const charged = finding.failure.requirements ?? finding.requirementIds;
    const key = [finding.verdict, finding.expected, finding.checkId, charged.join(','), finding.failure.message].join(
      '\u0000',
    );
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()];
}

function seedLinks(summary: Summary, seedsUrl: string | undefined): ReportData['seedLinks'] {
  if (seedsUrl === undefined) return {};
  return Object.fromEntries(
    summary.requirements.flatMap((r) => {
      const link = seedSectionLink(r.id, seedsUrl);
      return link ? [[r.id, link]] : [];
    }),
  );
}

function errorGroups(list: readonly Finding[]): ErrorGroup[] {
  const byReason = new Map<string, Finding[]>();
  for (const finding of list.filter((f) => f.verdict === 'error')) {
    const reason = finding.cell.reason ?? finding.failure.message.split('\n', 1)[0] ?? '';
    byReason.set(reason, [...(byReason.get(reason) ?? []), finding]);
  }
  return [...byReason].map(([reason, members], index) => ({
    anchor: `error-${index}`,
    reason,
    failure: (members[0] as Finding).failure,
    cells: members.map(({ checkId, title, column, cell }) => ({
      checkId,
      title,
      column,
      ...(cell.failure?.replayCommand ? { replayCommand: cell.failure.replayCommand } : {}),
    })),
  }));
}
