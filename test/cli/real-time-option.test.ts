/** `--real-time` on mbsc run and validate: read from the command line or a config file, and kept in the command lines. */
import { describe, expect, it } from 'vitest';
import { merge, RUN_OPTIONS, type Values } from '../../cli/commands/run-options.js';
import { replayCommand, runCommandLine } from '../../conformance/runner/command-lines.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import type { Check } from '../../conformance/kit/check.js';

const none = Object.fromEntries(
  Object.entries(RUN_OPTIONS).map(([k, spec]) => [k, spec.type === 'boolean' ? false : undefined]),
) as Values;
const target = { server: 'http://127.0.0.1:50077', udpPort: 50277, edition: 'pro' as const };

describe('--real-time', () => {
  it('is a flag of the run configuration, off unless given here or in the file', () => {
    expect(RUN_OPTIONS['real-time'].type).toBe('boolean');
    expect(merge({ ...none, 'real-time': true }, {}).realTime).toBe(true);
    expect(merge(none, {}).realTime).toBeUndefined();
    expect(merge(none, { realTime: true }).realTime).toBe(true);
  });

  it('is written into the run command line and the replay command, and only when given', () => {
    const config = { ...target, realTime: true };
    expect(runCommandLine('validate', config, undefined, 13, 100)).toBe(
      'mbsc validate --server http://127.0.0.1:50077 --udp-port 50277 --edition pro --real-time --seed 13 --runs 100',
    );
    expect(runCommandLine('validate', target, undefined, 13, 100)).not.toContain('--real-time');
    const check = ALL_CHECKS.find((c) => c.id === 'tfa-push-lifetime-real-time') as Check;
    expect(replayCommand('validate', config, check, { edition: 'pro' }, { message: 'm' }, 13, 1)).toContain(
      '--real-time --checks tfa-push-lifetime-real-time',
    );
  });
});
