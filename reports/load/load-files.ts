/**
 * The files of a load run, in the report folder beside a conformance run's: load.json (the report's data),
 * load.html (to read) and load-junit.xml (one test case per operation, failed when any of its runs failed, for a
 * CI's test tab). Each is written whole or not at all.
 */
import path from 'node:path';
import type { LoadReport } from '../../conformance/load/load-report.js';
import { xmlAttributes, xmlText } from '../junit/xml-text.js';
import { writeFileAtomic } from '../output-files.js';
import { loadHtml } from './load-html.js';

export const LOAD_FILES = { json: 'load.json', html: 'load.html', junit: 'load-junit.xml' } as const;

export async function writeLoadReports(report: LoadReport, outDir: string): Promise<string[]> {
  const files = Object.values(LOAD_FILES).map((name) => path.join(outDir, name));
  const [json, html, junit] = files as [string, string, string];
  await writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(html, loadHtml(report));
  await writeFileAtomic(junit, loadJunit(report));
  return files;
}

export function loadJunit(report: LoadReport): string {
  const entries = Object.entries(report.operations).filter(([name]) => name !== 'overall');
  const failures = entries.filter(([, s]) => s.errors > 0).length;
  const cases = entries.map(([name, s]) => {
    const attributes = xmlAttributes({ classname: 'mbsc.load', name, time: ((s.meanMs * s.count) / 1000).toFixed(3) });
    const figures = `${s.count} runs, p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms, max ${s.maxMs} ms`;
    if (s.errors === 0) return `  <testcase${attributes}><system-out>${xmlText(figures)}</system-out></testcase>`;
    const codes = Object.entries(report.errors.operations)
      .map(([code, n]) => `${code} × ${n}`)
      .join(', ');
    const message = xmlAttributes({ message: `${s.errors} of ${s.count} failed`, type: 'load-errors' });
    return `  <testcase${attributes}><failure${message}>${xmlText(`${figures}; errors of the run: ${codes}`)}</failure></testcase>`;
  });
  const suite = xmlAttributes({
    name: `mbsc load ${report.plan.devices} phones`,
    tests: entries.length,
    failures,
    time: (report.cost.wallMs / 1000).toFixed(3),
    timestamp: report.startedAt,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n <testsuite${suite}>\n${cases.join('\n')}\n </testsuite>\n</testsuites>\n`;
}
