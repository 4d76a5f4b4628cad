import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Value from 'typebox/value';
import { afterEach, describe, expect, it } from 'vitest';
import { readSummary, SummaryInvalidError, summaryJsonReporter } from '../../reports/summary-json.js';
import { Summary } from '../../conformance/runner/summary-schema.js';
import { HOSTILE, sampleSummary } from './sample-summary.js';

const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mbsc-summary-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('summary.json', () => {
  it('is written, parses back, matches the schema and equals the summary', async () => {
    const summary = sampleSummary();
    const reporter = summaryJsonReporter({ outDir: outDir() });
    await reporter.onRunEnd(summary);

    const parsed: unknown = JSON.parse(readFileSync(reporter.path, 'utf8'));
    expect(Value.Check(Summary, parsed)).toBe(true);
    expect(parsed).toEqual(summary);
    expect(await readSummary(reporter.path)).toEqual(summary);
    // The hostile strings survive JSON unchanged, lone surrogate included (JSON.stringify escapes it).
    expect(JSON.stringify(parsed)).toContain(HOSTILE.script.replace(/"/g, '\\"'));
  });

  it('refuses to write a summary that does not match the schema, naming each field', async () => {
    const reporter = summaryJsonReporter({ outDir: outDir() });
    const bad = { ...sampleSummary(), verdict: 'maybe', seed: 1.5 } as unknown as Summary;
    const error = await reporter.onRunEnd(bad).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SummaryInvalidError);
    const message = (error as Error).message;
    expect(message).toContain('verdict: must be one of pass, fail, error (got "maybe")');
    expect(message).toContain('seed:');
    expect(existsSync(reporter.path)).toBe(false);
  });

  it('refuses a summary of schema version 1, whose `fail` cells could be advisory findings', async () => {
    const file = path.join(outDir(), 'summary.json');
    const { schemaVersion: _, ...old } = sampleSummary();
    writeFileSync(file, JSON.stringify(old));
    await expect(readSummary(file)).rejects.toThrow(/schemaVersion: is required/);
  });

  it('reads back only a valid summary, saying which file is wrong', async () => {
    const dir = outDir();
    const garbage = path.join(dir, 'garbage.json');
    writeFileSync(garbage, '{"verdict": "pass",');
    await expect(readSummary(garbage)).rejects.toThrow(`${garbage} is not a valid run summary`);
    const incomplete = path.join(dir, 'incomplete.json');
    writeFileSync(incomplete, JSON.stringify({ verdict: 'pass' }));
    await expect(readSummary(incomplete)).rejects.toThrow(/totals: is required/);
  });
});
