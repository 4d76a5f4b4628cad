/**
 * allure-results/: one `<uuid>-result.json` per check on one matrix column, plus environment.properties,
 * executor.json and categories.json, for `npm run report:allure` (allure generate). The suites tree reads edition →
 * area → device profile; features are the requirement ids, tags the levels. Each result renders its cell's verdict
 * as the runner derived it, and as in junit.xml only what fails the run is `failed` (the category "MUST failures").
 * An `error` cell (the kit failed, or the target could not be reached) is `broken`, as Allure means it: the test could
 * not run to a verdict, in the category "Errors: kit failed or target unreachable". An ADVISORY finding ran and did
 * not fail, so it is `passed`, its finding in the status details, in the category "ADVISORY findings". A failure the
 * baseline expects is `skipped` and known, as allure-pytest reports an xfail; an `untested` cell (it applies, but
 * this run could not check it) is `skipped` with its reason under "Untested", in a category of its own. A run that
 * is `error` with no cell to say so gets one `broken` result for the run itself.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { failureText, findingIndex, findings, requirementsByCheck, runLevelError, type Finding } from '../findings.js';
import { outDirOf, writeFileAtomic, type WriterOptions } from '../output-files.js';
import type { WriterReporter } from '../../conformance/runner/reporter.js';
import type { Cell, Summary } from '../../conformance/runner/summary-schema.js';
import { areaTitle } from '../traceability.js';
import { ATTACHMENT_FILE, failureAttachments, type AttachedFile } from './allure-attachments.js';
import { carryHistory } from './allure-history.js';
import { requirementLinks, seedSectionName, sourceOf } from './allure-links.js';
import type { AllureCategory, AllureLabel, AllureStatus, AllureTestResult } from './allure-model.js';
import { digest, environment, executor, runResult } from './allure-run.js';
import { failureSteps } from './allure-steps.js';
import { resultTimes } from './allure-times.js';
import { javaProperties } from './java-properties.js';

export const ALLURE_RESULTS_DIR = 'allure-results';

const ADVISORY_PREFIX = 'ADVISORY finding (does not fail the run): ';
const EXPECTED_PREFIX = 'Expected failure, listed in the baseline (does not fail the run): ';
const UNTESTED_PREFIX = 'Untested (applies, not checkable here): ';

export const ALLURE_CATEGORIES: readonly AllureCategory[] = [
  { name: 'MUST failures', matchedStatuses: ['failed'] },
  { name: 'Errors: kit failed or target unreachable', matchedStatuses: ['broken'] },
  { name: 'ADVISORY findings', matchedStatuses: ['passed'], messageRegex: '(?s)ADVISORY finding.*' },
  { name: 'Expected failures (baseline)', matchedStatuses: ['skipped'], messageRegex: '(?s)Expected failure.*' },
  { name: 'Untested: applies, not checkable here', matchedStatuses: ['skipped'], messageRegex: '(?s)Untested .*' },
];

export interface AllureOptions extends WriterOptions {
  /** An earlier allure-report folder (or its history/): its history is carried into this run's results. */
  readonly allureHistory?: string;
  /** Where the seed documents are published: each result then links to its requirements' seed sections. */
  readonly seedsUrl?: string;
}

export function allureReporter(options: AllureOptions = {}): WriterReporter {
  const dir = path.join(outDirOf(options), ALLURE_RESULTS_DIR);
  return {
    name: 'allure-results',
    path: dir,
    async onRunEnd(summary) {
      await clearPreviousResults(dir);
      if (options.allureHistory !== undefined) await carryHistory(options.allureHistory, dir);
      const entries = allureEntries(summary, options);
      const files: [string, string | Buffer][] = entries.flatMap(({ result, attached }) => [
        [`${result.uuid}-result.json`, json(result)],
        ...attached.map((file): [string, string | Buffer] => [file.attachment.source, file.content]),
      ]);
      files.push(['environment.properties', javaProperties(environment(summary))]);
      files.push(['executor.json', json(executor(summary))]);
      files.push(['categories.json', json(ALLURE_CATEGORIES)]);
      for (const [name, content] of files) await writeFileAtomic(path.join(dir, name), content);
    },
  };
}

/** A result and the files it attaches. */
interface AllureEntry {
  readonly result: AllureTestResult;
  readonly attached: readonly AttachedFile[];
}

export function allureResults(summary: Summary, options: Pick<AllureOptions, 'seedsUrl'> = {}): AllureTestResult[] {
  return allureEntries(summary, options).map((entry) => entry.result);
}

function allureEntries(summary: Summary, options: Pick<AllureOptions, 'seedsUrl'>): AllureEntry[] {
  const runError = runLevelError(summary);
  const run = runError === undefined ? [] : [{ result: runResult(summary, runError), attached: [] }];
  return [...cellEntries(summary, options), ...run];
}

function cellEntries(summary: Summary, options: Pick<AllureOptions, 'seedsUrl'>): AllureEntry[] {
  const findingOf = findingIndex(findings(summary));
  const covers = requirementsByCheck(summary);
  const levels = new Map(summary.requirements.map((r) => [r.id, r.level]));
  return summary.checks.flatMap((check) =>
    check.cells.map((cell) => {
      const requirementIds = covers.get(check.checkId) ?? [];
      const tags = [...new Set(requirementIds.map((id) => levels.get(id)).filter((l) => l !== undefined))];
      const finding = findingOf(check.checkId, cell.column);
      const uuid = randomUUID();
      const attached = failureAttachments(uuid, finding?.failure);
      const { status, statusDetails } = outcome(cell, finding);
      const result = {
        uuid,
        historyId: digest(`${check.checkId}\u0000${cell.column}`),
        testCaseId: digest(check.checkId),
        fullName: `${check.area}.${check.checkId} [${cell.column}]`,
        name: `${check.title} [${cell.column}]`,
        description: description(requirementIds, cell),
        status,
        statusDetails,
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
          // The seed changes from run to run; Allure's history follows the check on its column whatever the seed.
          { name: 'seed', value: String(finding?.failure.seed ?? summary.seed), excluded: true },
        ],
        links: requirementLinks(requirementIds, options.seedsUrl),
        steps: finding ? failureSteps(finding.failure, status) : [],
        attachments: attached.map((file) => file.attachment),
        ...resultTimes(summary, cell),
      } satisfies AllureTestResult;
      return { result, attached };
    }),
  );
}

/** What the check covers, where each requirement is written in the seeds, and what this cell did not check. */
function description(requirementIds: readonly string[], cell: Cell): string {
  const covered = requirementIds.map((id) => {
    const source = sourceOf(id);
    return source ? `${id} (${seedSectionName(source)})` : id;
  });
  return (
    (covered.length > 0 ? `Covers ${covered.join(', ')}.` : 'Covers no catalogued id.') +
    (cell.unchecked ? ` Not checked here: ${cell.unchecked.requirements.join(', ')} (${cell.unchecked.reason}).` : '')
  );
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
      return details('skipped', cell.reason ?? cell.verdict);
    case 'untested':
      return details('skipped', `${UNTESTED_PREFIX}${cell.reason ?? 'no reason given'}`);
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
  const ours = /^(.+-(result|container)\.json|environment\.properties|executor\.json|categories\.json)$/;
  for (const name of await readdir(dir)) {
    if (ours.test(name) || ATTACHMENT_FILE.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
