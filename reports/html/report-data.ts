/**
 * What index.html embeds: the Summary as it is, plus the views the viewer draws (the traceability matrix and the
 * findings) computed in TypeScript, so the viewer holds no rules of its own, only drawing. Bump REPORT_DATA_VERSION
 * when the shape changes; the viewer checks it.
 */
import { findings } from '../findings.js';
import type { Failure, Summary } from '../../conformance/runner/summary-schema.js';
import { traceabilityMatrix, type TraceabilityMatrix } from '../traceability.js';

export const REPORT_DATA_VERSION = 1;

export interface FindingView {
  readonly checkId: string;
  readonly title: string;
  readonly area: string;
  readonly column: string;
  readonly verdict: 'fail' | 'advisory';
  readonly requirementIds: readonly string[];
  readonly expected: boolean;
  readonly runs: number;
  readonly durationMs: number;
  readonly failure: Failure;
}

export interface ReportData {
  readonly version: typeof REPORT_DATA_VERSION;
  /** ISO 8601: when this file was written, which may be long after the run (a report rebuilt from summary.json). */
  readonly generatedAt: string;
  readonly summary: Summary;
  readonly matrix: TraceabilityMatrix;
  readonly findings: readonly FindingView[];
}

export function reportData(summary: Summary, generatedAt: Date = new Date()): ReportData {
  return {
    version: REPORT_DATA_VERSION,
    generatedAt: generatedAt.toISOString(),
    summary,
    matrix: traceabilityMatrix(summary),
    findings: findings(summary).map(({ cell, ...finding }) => ({
      ...finding,
      runs: cell.runs,
      durationMs: cell.durationMs,
    })),
  };
}
