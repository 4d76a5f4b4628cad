/** The console says once per check and message which state a check never reached, with the columns it missed on. */
import { describe, expect, it } from 'vitest';
import { verdictLines } from '../../cli/verdict-output.js';
import { sampleSummary } from '../reports/sample-summary.js';

const MESSAGE = 'never reached battery-at-29-with-power-saving-and-job-open in 100 runs';
const warning = (column: string, check = 'run-conditions-model', message = MESSAGE) => ({ check, column, message });

const warningLines = (kitWarnings: ReturnType<typeof warning>[]) =>
  verdictLines({ ...sampleSummary(), kitWarnings }, 'seed 1', { counterexamples: false }).filter((l) =>
    l.includes('KIT WARNING'),
  );

describe('kit warnings on the console', () => {
  it('names the columns of a warning seen on a few', () => {
    expect(warningLines([warning('redmi-note-8 @ pro'), warning('iphone-6s @ pro')])).toEqual([
      `  KIT WARNING run-conditions-model (redmi-note-8 @ pro, iphone-6s @ pro): ${MESSAGE}`,
    ]);
  });

  it('counts the columns of a warning seen on many, in one line, and keeps other warnings apart', () => {
    const many = Array.from({ length: 30 }, (_, i) => warning(`phone-${i} @ pro`));
    expect(warningLines([...many, warning('pro', 'backup-nemesis-durability', 'never reached request-cut')])).toEqual([
      `  KIT WARNING run-conditions-model (30 columns): ${MESSAGE}`,
      '  KIT WARNING backup-nemesis-durability (pro): never reached request-cut',
    ]);
  });

  it('says once per check which named state this target cannot reach, and why', () => {
    const summary = sampleSummary();
    const why = 'the --own-server command has no --conformance-crash-points';
    const cell = { ...summary.checks[0]!.cells[0]!, notReachable: { 'crash-between-hashing-and-committing': why } };
    const check = { ...summary.checks[0]!, checkId: 'backup-nemesis-durability', cells: [cell, cell] };
    const lines = verdictLines({ ...summary, checks: [check] }, 'seed 1', { counterexamples: false });
    expect(lines.filter((l) => l.includes('NOT REACHABLE'))).toEqual([
      `  NOT REACHABLE ON THIS TARGET backup-nemesis-durability: crash-between-hashing-and-committing (${why})`,
    ]);
  });
});
