/**
 * What Allure shows of the run as a whole: environment.properties (the target, seed, command and the run's verdict
 * with its reason), executor.json, and, when the run is `error` with no cell to say so, one `broken` result for the
 * run itself, so the Allure report of a run that tested nothing is never an empty green one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import type { AllureExecutor, AllureTestResult } from './allure-model.js';

/** The run itself, when it is `error` and no cell says so: one broken result with the reason. */
export function runResult(summary: Summary, reason: string): AllureTestResult {
  const start = Date.parse(summary.startedAt);
  return {
    uuid: randomUUID(),
    historyId: digest('mbsc run'),
    testCaseId: digest('mbsc run'),
    fullName: 'mbsc.run',
    name: 'The run tested its target',
    status: 'broken',
    statusDetails: { message: reason },
    stage: 'finished',
    labels: [
      { name: 'suite', value: 'mbsc run' },
      { name: 'framework', value: 'mbsc' },
      { name: 'host', value: hostname() },
    ],
    parameters: [{ name: 'seed', value: String(summary.seed) }],
    links: [],
    steps: [],
    attachments: [],
    start,
    stop: start + Math.round(summary.durationMs),
  };
}

export function environment(summary: Summary): Record<string, string | undefined> {
  return {
    target: summary.target.description,
    'target.kind': summary.target.kind,
    'target.url': summary.target.url,
    editions: summary.target.editions.join(', '),
    columns: summary.columns.join(', '),
    seed: String(summary.seed),
    command: summary.command,
    verdict: summary.verdict.toUpperCase(),
    'verdict.reason': summary.reason,
    'mbsc.version': summary.kitVersion,
    node: process.version,
    started: summary.startedAt,
  };
}

export function executor(summary: Summary): AllureExecutor {
  return {
    name: 'mbsc',
    type: 'mbsc',
    buildName: `${summary.target.description}, seed ${summary.seed}`,
    buildOrder: Date.parse(summary.startedAt),
    reportName: 'mbsc conformance report',
  };
}

/** Stable ids for Allure's history: the same check on the same column, run after run. */
export function digest(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
