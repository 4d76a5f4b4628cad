import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultReporters } from '../../reports/default-reporters.js';
import type { Reporter } from '../../conformance/runner/reporter.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { readSummary, summaryJsonReporter } from '../../reports/summary-json.js';
import { expectReportsAgree, readReports } from './report-agreement.js';
import { sampleSummary } from './sample-summary.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('defaultReporters', () => {
  it('writes all four reports into one folder, and summary.json records a writer that failed', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'mbsc-reports-'));
    dirs.push(out);
    const broken: Reporter = {
      name: 'broken-writer',
      onRunEnd() {
        throw new Error('EACCES: permission denied');
      },
    };
    const mux = new ReporterMultiplexer([broken, ...defaultReporters({ outDir: out })]);
    const final = await mux.onRunEnd(sampleSummary());

    expect(readdirSync(out).sort()).toEqual(['allure-results', 'index.html', 'junit.xml', 'summary.json']);
    expect(readdirSync(path.join(out, 'allure-results')).filter((f) => f.endsWith('-result.json'))).toHaveLength(28);
    const written = await readSummary(path.join(out, 'summary.json'));
    const error = { reporter: 'broken-writer', message: 'onRunEnd: EACCES: permission denied' };
    expect(written.reporterErrors).toEqual([error]);
    expect(final.reporterErrors).toEqual([error]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('permission denied');
    // Every report renders the summary's verdicts: a fail, advisory findings, an error, skips and passes.
    expect(expectReportsAgree(readReports(out))).toMatchObject({ fail: 3, advisory: 2, error: 1, skipped: 6 });
  });

  it('puts the two reports a person reads last, so they record the others’ failures', () => {
    expect(defaultReporters().map((r) => r.name)).toEqual([
      'junit.xml',
      'allure-results',
      'index.html',
      'summary.json',
    ]);
  });

  it('writes into reports/out under the working directory by default', () => {
    expect(summaryJsonReporter().path).toBe(path.join(process.cwd(), 'reports', 'out', 'summary.json'));
  });
});
