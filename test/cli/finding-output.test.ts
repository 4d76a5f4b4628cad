/** The console shows, under the verdict, each failing cell's counterexample: commands, last exchanges, replay. */
import { describe, expect, it } from 'vitest';
import { counterexampleLines } from '../../cli/finding-output.js';
import { verdictLines } from '../../cli/verdict-output.js';
import { BATTERY_COMMANDS, BATTERY_REPLAY, sampleSummary } from '../reports/sample-summary.js';

describe('counterexampleLines', () => {
  const lines = counterexampleLines(sampleSummary());
  const text = lines.join('\n');

  it('gives each failing cell its check, column, message, shrunk commands and replay command', () => {
    expect(text).toContain('  run.battery-thresholds [iphone-13 @ pro]: Backup kept running at 29% battery');
    expect(text).toContain(`    Commands (shrunk): ${BATTERY_COMMANDS.join('; ')}`);
    expect(text).toContain(`    Replay: ${BATTERY_REPLAY}`);
  });

  it('shows the last three exchanges of a one-shot failure, saying where the rest are, bodies without headers', () => {
    expect(text).toContain(
      '    HTTP exchanges of the failing attempt (4 earlier not kept):\n      1. POST /v1/console/pairings → 201',
    );
    expect(text).toContain('         < body: {"token":"[masked: 20 chars]","mode":"add"}');
    expect(text).not.toContain('x-mbs-console-key');
  });

  it('leaves out advisory findings and failures the baseline expects, and prints under the verdict', () => {
    expect(text).not.toContain('totp.rfc6238');
    expect(text).not.toContain('bak.incremental');
    expect(verdictLines(sampleSummary(), 'seed 1').slice(-lines.length)).toEqual(lines);
  });
});
