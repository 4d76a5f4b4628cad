/**
 * What index.html embeds: the Summary as it is, plus the views the viewer draws (the traceability matrix, the
 * findings and the errors) computed in TypeScript, so the viewer holds no rules of its own, only drawing. Bump
 * REPORT_DATA_VERSION when the shape changes; the viewer checks it.
 */
import { exchangeLines } from '../exchange-text.js';
import { findings, type Finding, type FindingVerdict } from '../findings.js';
import type { Failure, Summary } from '../../conformance/runner/summary-schema.js';
import { traceabilityMatrix, type TraceabilityMatrix } from '../traceability.js';

/**
 * 2: findings may be `error`, each names its anchor, and errors come grouped by reason. 3: a finding carries its
 * HTTP exchanges as text.
 */
export const REPORT_DATA_VERSION = 3;

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
  /** The id of the element that shows it: its own card, or its error group's. */
  readonly anchor: string;
  /** The failure's HTTP exchanges as the other writers print them (reports/exchange-text.ts); absent without any. */
  readonly exchangesText?: string;
}

/**
 * The error cells that share one reason, shown once: an unreachable target gives every cell the same reason, and a
 * page of identical cards would bury it. The first cell's failure (a kit error's stack and replay) stands for all.
 */
export interface ErrorGroup {
  readonly anchor: string;
  readonly reason: string;
  readonly failure: Failure;
  readonly cells: readonly { readonly checkId: string; readonly title: string; readonly column: string }[];
}

export interface ReportData {
  readonly version: typeof REPORT_DATA_VERSION;
  /** ISO 8601: when this file was written, which may be long after the run (a report rebuilt from summary.json). */
  readonly generatedAt: string;
  readonly summary: Summary;
  readonly matrix: TraceabilityMatrix;
  readonly findings: readonly FindingView[];
  readonly errors: readonly ErrorGroup[];
}

export function reportData(summary: Summary, generatedAt: Date = new Date()): ReportData {
  const list = findings(summary);
  const groups = errorGroups(list);
  const groupOf = new Map(groups.flatMap((g) => g.cells.map((c) => [`${c.checkId}\u0000${c.column}`, g.anchor])));
  return {
    version: REPORT_DATA_VERSION,
    generatedAt: generatedAt.toISOString(),
    summary,
    matrix: traceabilityMatrix(summary),
    findings: list.map(({ cell, ...finding }, index) => {
      const exchanges = exchangeLines(finding.failure);
      return {
        ...finding,
        runs: cell.runs,
        durationMs: cell.durationMs,
        anchor: groupOf.get(`${finding.checkId}\u0000${finding.column}`) ?? `finding-${index}`,
        ...(exchanges.length > 0 ? { exchangesText: exchanges.join('\n') } : {}),
      };
    }),
    errors: groups,
  };
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
    cells: members.map(({ checkId, title, column }) => ({ checkId, title, column })),
  }));
}
