/**
 * An edition whose session cannot be opened (a server the kit started that it cannot use as it needs, such as a
 * frozen reference server whose clock it could not open): the run still ends with a summary whose cells are errors
 * saying why, its verdict is `error`, and it answers the problem for the command's exit code. Before, the problem
 * escaped the run and no report was written.
 */
import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import type { Edition } from '../../../conformance/spec/editions.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import type { Target, TargetSession } from '../../../conformance/targets/target.js';
import { SERVER_CHECKS } from '../../../conformance/suites/index.js';
import { EXIT_OF_CODE } from '../../../cli/commands/run-and-report.js';
import { EXIT } from '../../../cli/command.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';

/** The reference target, except that Lite's session cannot be opened. */
class LiteUnopenable implements Target {
  readonly serverPerOpen = true;
  private readonly inner = new ReferenceTarget(['pro', 'lite']);

  describe() {
    return this.inner.describe();
  }

  async open(edition: Edition): Promise<TargetSession> {
    if (edition === 'lite') throw new ClientError('server-start-failed', 'the kit could not open its clock');
    return this.inner.open(edition);
  }
}

describe('an edition whose session cannot be opened', () => {
  it(
    'gives error cells with the reason, a summary, and the problem for the exit code',
    { timeout: 120_000 },
    async () => {
      const checks = SERVER_CHECKS.filter((c) => c.id === 'protocol-errors-catalogued');
      expect(checks).toHaveLength(1);
      const result = await runConformance({
        target: new LiteUnopenable(),
        checks,
        catalogue: REQUIREMENTS,
        profiles: [],
        seed: 7,
        runs: 1,
        command: 'test',
        kitVersion: 'test',
        replayCommand: () => 'mbsc run',
      });
      const cells = result.summary.checks.flatMap((c) => c.cells);
      const lite = cells.filter((c) => c.edition === 'lite');
      expect(lite.length).toBeGreaterThan(0);
      for (const cell of lite) {
        expect(cell.verdict).toBe('error');
        expect(cell.reason).toContain('the kit could not open its clock');
      }
      expect(cells.filter((c) => c.edition === 'pro').every((c) => c.verdict !== 'error')).toBe(true);
      expect(result.summary.verdict).toBe('error');
      expect(result.abort?.code).toBe('server-start-failed');
      expect(EXIT_OF_CODE['server-start-failed']).toBe(EXIT.unavailable);
    },
  );
});
