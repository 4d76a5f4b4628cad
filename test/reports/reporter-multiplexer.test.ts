import { describe, expect, it } from 'vitest';
import type { CheckInfo, Reporter, RunInfo } from '../../conformance/runner/reporter.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { sampleSummary } from './sample-summary.js';

const summary = sampleSummary();
const info: RunInfo = {
  kitVersion: summary.kitVersion,
  target: summary.target,
  seed: summary.seed,
  startedAt: summary.startedAt,
  command: summary.command,
  columns: summary.columns,
  checks: summary.checks.map((c) => ({ checkId: c.checkId, title: c.title, area: c.area, requirementIds: [] })),
};
const cells = summary.checks.flatMap((c) =>
  c.cells.map((cell) => [info.checks.find((i) => i.checkId === c.checkId)!, cell] as const),
);

/** A reporter that records what it was given. */
function recorder(name: string) {
  const seen = { starts: 0, cells: 0, ends: [] as Summary[] };
  const reporter: Reporter = {
    name,
    onRunStart: () => void (seen.starts += 1),
    onCellEnd: async () => void (seen.cells += 1),
    onRunEnd: (s) => void seen.ends.push(s),
  };
  return { reporter, seen };
}

async function runAll(mux: ReporterMultiplexer): Promise<Summary> {
  await mux.onRunStart(info);
  for (const [check, cell] of cells) await mux.onCellEnd(check as CheckInfo, cell);
  return mux.onRunEnd(summary);
}

describe('ReporterMultiplexer', () => {
  it('records reporters that throw or reject, and the others still get every event', async () => {
    const first = recorder('first');
    const last = recorder('last');
    const throwing: Reporter = {
      name: 'throws',
      onRunStart() {
        throw new Error('cannot start');
      },
      onCellEnd() {
        throw new Error('cannot take a cell');
      },
      onRunEnd() {
        throw new TypeError('cannot end');
      },
    };
    const rejecting: Reporter = {
      name: 'rejects',
      onCellEnd: () => Promise.reject(new Error('disk full')),
      onRunEnd: () => Promise.reject('a bare string'),
    };
    const reported: string[] = [];
    const mux = new ReporterMultiplexer([first.reporter, throwing, rejecting, last.reporter], {
      onError: (e) => reported.push(`${e.reporter}: ${e.message}`),
    });

    const result = await runAll(mux);

    for (const { seen } of [first, last]) {
      expect(seen.starts).toBe(1);
      expect(seen.cells).toBe(cells.length);
      expect(seen.ends).toHaveLength(1);
    }
    const expected = [
      { reporter: 'throws', message: 'onRunStart: cannot start' },
      { reporter: 'throws', message: 'onCellEnd: cannot take a cell' },
      { reporter: 'rejects', message: 'onCellEnd: disk full' },
      { reporter: 'throws', message: 'onRunEnd: cannot end' },
      { reporter: 'rejects', message: 'onRunEnd: a bare string' },
    ];
    // One entry per reporter and message, although onCellEnd failed on every one of the cells.
    expect(mux.errors).toEqual(expected);
    expect(result.reporterErrors).toEqual(expected);
    expect(reported).toEqual(expected.map((e) => `${e.reporter}: ${e.message}`));
    // The last reporter sees every failure before it, including the onRunEnd ones; the first sees the earlier hooks'.
    expect(last.seen.ends[0]!.reporterErrors).toEqual(expected);
    expect(first.seen.ends[0]!.reporterErrors).toEqual(expected.slice(0, 3));
  });

  it('keeps errors already in the summary and adds each new one once', async () => {
    const broken: Reporter = {
      name: 'broken',
      onRunEnd() {
        throw new Error('boom');
      },
    };
    const given = { ...summary, reporterErrors: [{ reporter: 'earlier', message: 'onRunEnd: from a previous pass' }] };
    const result = await new ReporterMultiplexer([broken]).onRunEnd(given);
    expect(result.reporterErrors).toEqual([
      { reporter: 'earlier', message: 'onRunEnd: from a previous pass' },
      { reporter: 'broken', message: 'onRunEnd: boom' },
    ]);
    expect(given.reporterErrors).toHaveLength(1);
  });

  it('moves on from a hook that never settles', async () => {
    const last = recorder('last');
    const hung: Reporter = { name: 'hung', onRunEnd: () => new Promise<void>(() => undefined) };
    const mux = new ReporterMultiplexer([hung, last.reporter], { timeoutMs: 50 });
    const result = await mux.onRunEnd(summary);
    expect(result.reporterErrors).toEqual([{ reporter: 'hung', message: 'onRunEnd: timed out after 50 ms' }]);
    expect(last.seen.ends).toHaveLength(1);
  });

  it('gives each reporter its own copy, so one that mutates cannot corrupt another', async () => {
    const vandal: Reporter = {
      name: 'vandal',
      onCellEnd: (_check, cell) => void (cell.verdict = 'pass'),
      onRunEnd: (s) => {
        s.verdict = 'pass';
        s.requirements.length = 0;
      },
    };
    const verdicts: string[] = [];
    const after = recorder('after');
    after.reporter.onCellEnd = (_check, cell) => void verdicts.push(cell.verdict);
    const result = await runAll(new ReporterMultiplexer([vandal, after.reporter]));
    expect(verdicts).toEqual(cells.map(([, cell]) => cell.verdict));
    expect(after.seen.ends[0]!.verdict).toBe('fail');
    expect(after.seen.ends[0]!.requirements).toHaveLength(summary.requirements.length);
    expect(result.verdict).toBe('fail');
  });

  it('calls only the hooks a reporter has', async () => {
    const ends: Summary[] = [];
    const result = await runAll(new ReporterMultiplexer([{ name: 'minimal', onRunEnd: (s) => void ends.push(s) }]));
    expect(ends).toHaveLength(1);
    expect(result.reporterErrors).toEqual([]);
  });
});
