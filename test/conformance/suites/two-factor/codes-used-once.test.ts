/**
 * Each code is accepted at most once, judged by the history: a server variant that accepts an SMS code, a
 * password-lock e-mail code or a push approval a second time fails the check that presents it again, with both
 * acceptances as the witness.
 */
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../../conformance/runner/run-conformance.js';
import type { ServerFault } from '../../../../conformance/spec/faults.js';
import { REQUIREMENTS } from '../../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import type { Check } from '../../../../conformance/kit/check.js';
import { passwordLockCheck } from '../../../../conformance/suites/two-factor/password-lock/forgot-password.js';
import { loginPushModelCheck } from '../../../../conformance/suites/two-factor/push/login-push.js';
import { recoveryCheck } from '../../../../conformance/suites/two-factor/recovery/recovery-by-sms.js';

const CASES: readonly { fault: ServerFault; check: Check; kind: string; requirement: string }[] = [
  { fault: 'sms-code-reusable', check: recoveryCheck, kind: 'sms', requirement: 'REC-14' },
  { fault: 'email-code-reusable', check: passwordLockCheck, kind: 'email', requirement: 'REC-14' },
  { fault: 'push-approved-twice', check: loginPushModelCheck, kind: 'push', requirement: 'PUSH-10' },
];

const run = (check: Check, faults: ServerFault[]) =>
  runConformance({
    target: new ReferenceTarget(['pro'], { faults }),
    checks: [check],
    catalogue: REQUIREMENTS,
    profiles: [],
    seed: 7,
    runs: 100,
    command: 'test',
    kitVersion: 'test',
    replayCommand: () => 'mbsc run --seed 7',
  });

describe('codes accepted once, judged by the history', () => {
  it.each(CASES)(
    '$fault fails $check.id with both acceptances as witness',
    async ({ fault, check, kind, requirement }) => {
      const { summary } = await run(check, [fault]);
      const [cell] = summary.checks[0]!.cells;
      expect(cell?.verdict).toBe('fail');
      expect(cell?.failure?.requirements).toEqual([requirement]);
      const lines = cell?.failure?.message.split('\n') ?? [];
      const code = new RegExp(`^accepted-once: ${kind} code (\\S+) accepted twice$`).exec(lines[0] ?? '')?.[1];
      expect(code, lines[0]).toBeDefined();
      const acceptance = new RegExp(`^ {2}#\\d+ .+ ok code kind=${kind} code=${code}$`);
      expect(lines.slice(1)).toEqual([expect.stringMatching(acceptance), expect.stringMatching(acceptance)]);
    },
    180_000,
  );

  it.each(CASES)(
    'the reference passes $check.id, presenting the used code again',
    async ({ check }) => {
      const { summary } = await run(check, []);
      expect(summary.checks[0]!.cells.map((cell) => cell.verdict)).toEqual(['pass']);
    },
    180_000,
  );
});
