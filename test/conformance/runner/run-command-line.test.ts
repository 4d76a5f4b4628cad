/**
 * summary.command reproduces the run: besides its target, seed and runs it carries what the run selected (checks,
 * requirements, tags, devices) and the baseline that judged it, so a CI job summary's "Run:" line reruns it.
 */
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../conformance/runner/command-lines.js';

describe('the command line of a run', () => {
  it('carries the selection and the baseline', () => {
    const line = runCommandLine(
      'run',
      {
        editions: ['pro', 'lite'],
        devices: 'devices/matrix.ci.json',
        profiles: ['pixel-7', 'iphone-13'],
        requirements: ['RUN-03', 'RUN-04'],
        checks: ['battery-rules'],
        tags: ['2fa'],
        expectedFailures: 'ci/known failures.json',
      },
      undefined,
      7,
      20,
    );
    expect(line).toBe(
      'mbsc run --editions pro,lite --devices devices/matrix.ci.json --profiles pixel-7,iphone-13 ' +
        "--requirements RUN-03,RUN-04 --checks battery-rules --tags 2fa --expected-failures 'ci/known failures.json' " +
        '--seed 7 --runs 20',
    );
  });

  it("carries a vendor's web console and a real build, and a replay path", () => {
    const line = runCommandLine(
      'validate',
      {
        server: 'http://127.0.0.1:50000',
        udpPort: 50200,
        edition: 'pro',
        consoleUrl: 'http://127.0.0.1:8080/',
        consoleLocators: 'console.json',
        via: 'emulator',
        app: 'build/app.apk',
        locators: 'locators.json',
        checks: ['migration-2fa-repair'],
        replay: '0:1',
      },
      undefined,
      3,
      1,
    );
    expect(line).toBe(
      'mbsc validate --server http://127.0.0.1:50000 --udp-port 50200 --edition pro ' +
        '--console-url http://127.0.0.1:8080/ --console-locators console.json ' +
        "--via emulator --app build/app.apk --locators locators.json --checks migration-2fa-repair --seed 3 --runs 1 --replay '0:1'",
    );
  });
});
