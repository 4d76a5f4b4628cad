/**
 * allure-results/: one `<uuid>-result.json` per check on one matrix column, plus environment.properties,
 * executor.json and categories.json, for `npm run report:allure` (allure generate). The suites tree reads edition →
 * area → device profile; features are the requirement ids, tags the levels. Each result renders its cell's verdict
 * as the runner derived it, and as in junit.xml only what fails the run is `failed` (the category "MUST failures").
 * An `error` cell (the kit failed, or the target could not be reached) is `broken`, as Allure means it: the test could
 * not run to a verdict, in the category "Errors: kit failed or target unreachable". An ADVISORY finding ran and did
 * not fail, so it is `passed`, its finding in the status details, in the category "ADVISORY findings". A failure the
 * baseline expects is `skipped` and known, as allure-pytest reports an xfail. A run that is `error` with no cell to
 * say so gets one `broken` result for the run itself.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { exchangeLines } from '../exchange-text.js';
import { failureText, findingIndex, findings, requirementsByCheck, runLevelError, type Finding } from '../findings.js';
import { outDirOf, writeFileAtomic, type WriterOptions } from '../output-files.js';
import type { WriterReporter } from '../../conformance/runner/reporter.js';
import type { Cell, Summary } from '../../conformance/runner/summary-schema.js';
import { areaTitle } from '../traceability.js';
import type { AllureCategory, AllureLabel, AllureStatus, AllureTestResult } from './allure-model.js';
import { digest, environment, executor, runResult } from './allure-run.js';
import { javaProperties } from './java-properties.js';

export const ALLURE_RESULTS_DIR = 'allure-results';

const ADVISORY_PREFIX = 'ADVISORY finding (does not fail the run): ';
const EXCHANGES_ATTACHMENT = 'HTTP exchanges of the failing attempt';
const EXPECTED_PREFIX = 'Expected failure, listed in the baseline (does not fail the run): ';

export const ALLURE_CATEGORIES: readonly AllureCategory[] = [
  { name: 'MUST failures', matchedStatuses: ['failed'] },
  { name: 'Errors: kit failed or target unreachable', matchedStatuses: ['broken'] },
  { name: 'ADVISORY findings', matchedStatuses: ['passed'], messageRegex: '(?s)ADVISORY finding.*' },
  { name: 'Expected failures (baseline)', matchedStatuses: ['skipped'], messageRegex: '(?s)Expected failure.*' },
];

export function allureReporter(options: WriterOptions = {}): WriterReporter {
  const dir = path.join(outDirOf(options), ALLURE_RESULTS_DIR);
  return {
    name: 'allure-results',
    path: dir,
    async onRunEnd(summary) {
      await clearPreviousResults(dir);
      const entries = allureEntries(summary);
      const files: [string, string][] = entries.flatMap(({ result, attached }) => [
        [`${result.uuid}-result.json`, json(result)],
        ...attached,
      ]);
      files.push(['environment.properties', javaProperties(environment(summary))]);
      files.push(['executor.json', json(executor(summary))]);
      files.push(['categories.json', json(ALLURE_CATEGORIES)]);
      for (const [name, content] of files) await writeFileAtomic(path.join(dir, name), content);
    },
  };
}

/** A result and the files it attaches: `[file name, content]`. */
interface AllureEntry {
  readonly result: AllureTestResult;
  readonly attached: readonly [string, string][];
}

export function allureResults(summary: Summary): AllureTestResult[] {
  return allureEntries(summary).map((entry) => entry.result);
}

function allureEntries(summary: Summary): AllureEntry[] {
  const runError = runLevelError(summary);
  const run = runError === undefined ? [] : [{ result: runResult(summary, runError), attached: [] }];
  return [...cellEntries(summary), ...run];
}

function cellEntries(summary: Summary): AllureEntry[] {
  const findingOf = findingIndex(findings(summary));
  const covers = requirementsByCheck(summary);
  const levels = new Map(summary.requirements.map((r) => [r.id, r.level]));
  // Cells without their own start time are laid end to end from the run's start, in summary order.
  let clock = Date.parse(summary.startedAt);
  return summary.checks.flatMap((check) =>
    check.cells.map((cell) => {
      const start = cell.startedAt !== undefined ? Date.parse(cell.startedAt) : clock;
      const stop = start + Math.round(cell.durationMs);
      clock = Math.max(clock, stop);
      const requirementIds = covers.get(check.checkId) ?? [];
      const tags = [...new Set(requirementIds.map((id) => levels.get(id)).filter((l) => l !== undefined))];
      const finding = findingOf(check.checkId, cell.column);
      const uuid = randomUUID();
      const attached = exchangesAttachment(uuid, finding);
      const result = {
        uuid,
        historyId: digest(`${check.checkId}\u0000${cell.column}`),
        testCaseId: digest(check.checkId),
        fullName: `${check.area}.${check.checkId} [${cell.column}]`,
        name: `${check.title} [${cell.column}]`,
        description:
          (requirementIds.length > 0 ? `Covers ${requirementIds.join(', ')}.` : 'Covers no catalogued id.') +
          (cell.unchecked
            ? ` Not checked here: ${cell.unchecked.requirements.join(', ')} (${cell.unchecked.reason}).`
            : ''),
        ...outcome(cell, finding),
        stage: 'finished',
        labels: [
          { name: 'parentSuite', value: cell.edition },
          { name: 'suite', value: `${check.area}: ${areaTitle(check.area)}` },
          ...(cell.profile !== undefined ? [{ name: 'subSuite', value: cell.profile } as const] : []),
          ...requirementIds.map((id): AllureLabel => ({ name: 'feature', value: id })),
          ...tags.map((level): AllureLabel => ({ name: 'tag', value: level })),
          ...(finding?.expected ? [{ name: 'tag', value: 'expected-failure' } as const] : []),
          { name: 'severity', value: tags.includes('MUST') ? 'critical' : 'minor' },
          { name: 'framework', value: 'mbsc' },
          { name: 'host', value: hostname() },
        ],
        parameters: [
          { name: 'column', value: cell.column },
          { name: 'seed', value: String(finding?.failure.seed ?? summary.seed) },
        ],
        links: [],
        steps: [],
        attachments: attached.map(([source]) => ({ name: EXCHANGES_ATTACHMENT, source, type: 'text/plain' })),
        start,
        stop,
      } satisfies AllureTestResult;
      return { result, attached };
    }),
  );
}

/** A finding's exchanges, as a text file beside its result. */
function exchangesAttachment(uuid: string, finding: Finding | undefined): [string, string][] {
  const lines = finding ? exchangeLines(finding.failure) : [];
  return lines.length > 0 ? [[`${uuid}-exchanges-attachment.txt`, `${lines.join('\n')}\n`]] : [];
}

function outcome(cell: Cell, finding: Finding | undefined): Pick<AllureTestResult, 'status' | 'statusDetails'> {
  if (finding) {
    // The exchanges go in their own attachment, where Allure shows them apart from the trace.
    const trace = failureText(finding.failure, false);
    if (finding.verdict === 'advisory') return details('passed', `${ADVISORY_PREFIX}${finding.failure.message}`, trace);
    if (finding.verdict === 'error') return details('broken', cell.reason ?? finding.failure.message, trace);
    if (finding.expected) {
      return {
        status: 'skipped',
        statusDetails: { message: `${EXPECTED_PREFIX}${finding.failure.message}`, trace, known: true },
      };
    }
    return details('failed', finding.failure.message, trace);
  }
  switch (cell.verdict) {
    case 'skipped':
    case 'untested':
      return details('skipped', cell.reason ?? cell.verdict);
    default:
      return { status: 'passed', statusDetails: {} };
  }
}

function details(
  status: AllureStatus,
  message: string,
  trace?: string,
): Pick<AllureTestResult, 'status' | 'statusDetails'> {
  return { status, statusDetails: trace === undefined ? { message } : { message, trace } };
}

/**
 * Old result files would show up in the next report as if they were this run's; history/ is kept, since CI copies
 * the last report's history there for Allure's trend charts.
 */
async function clearPreviousResults(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const ours =
    /^(.+-(result|container)\.json|.+-attachment\.txt|environment\.properties|executor\.json|categories\.json)$/;
  for (const name of await readdir(dir)) {
    if (ours.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
