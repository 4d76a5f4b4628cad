/** `mbsc run` and `mbsc validate` as a CI job runs them: verdicts, reports, and a distinct exit code per problem. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-run-cli-');
let garbage: Server;
let garbagePort = 0;
beforeAll(async () => {
  garbage = createServer((_req, res) => res.end('<html>not a backup server</html>'));
  await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', () => r()));
  garbagePort = (garbage.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((r) => garbage.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const out = (name: string) => path.join(dir, name);
const summaryOf = (name: string) => JSON.parse(readFileSync(path.join(out(name), 'summary.json'), 'utf8'));

describe('mbsc run', () => {
  it('runs the reference target, prints progress and writes every report', async () => {
    const result = await runCli(
      [
        'run',
        '--checks',
        'run-conditions-model',
        '--profiles',
        'redmi-note-8,iphone-6s',
        '--editions',
        'pro',
        '--runs',
        '5',
        '--seed',
        '7',
        '--out',
        out('ok'),
      ],
      120_000,
    );
    expect(result.stderr).toContain('run-conditions-model  redmi-note-8 @ pro');
    expect(result.stdout).toMatch(/^PASS: /m);
    expect(result.code).toBe(0);
    for (const file of ['summary.json', 'junit.xml', 'index.html'])
      expect(existsSync(path.join(out('ok'), file)), file).toBe(true);
    const summary = summaryOf('ok');
    expect(summary).toMatchObject({
      verdict: 'pass',
      seed: 7,
      columns: ['pro', 'redmi-note-8 @ pro', 'iphone-6s @ pro'],
    });
    expect(summary.requirements.find((r: { id: string }) => r.id === 'RUN-04').verdict).toBe('pass');
  });
});

describe('mbsc validate: bad targets and bad input', () => {
  it('an unreachable server: exit 3, and the report says nothing was tested and why', async () => {
    const result = await runCli([
      'validate',
      '--server',
      'http://127.0.0.1:9',
      '--udp-port',
      '9',
      '--edition',
      'pro',
      '--profiles',
      'redmi-note-8',
      '--out',
      out('down'),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/127\.0\.0\.1:9/);
    const summary = summaryOf('down');
    expect(summary.totals.untested).toBe(summary.totals.requirements);
    expect(summary.requirements[0].reason).toMatch(/could not be tested/);
  });

  it('a server that answers garbage: exit 4', async () => {
    const result = await runCli([
      'validate',
      '--server',
      `http://127.0.0.1:${garbagePort}`,
      '--udp-port',
      '9',
      '--edition',
      'pro',
      '--profiles',
      'redmi-note-8',
      '--out',
      out('garbage'),
    ]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('not JSON');
  });

  it('an unknown requirement id: exit 6 with the nearest id', async () => {
    const result = await runCli(['run', '--requirements', 'RUN-3', '--out', out('unknown')]);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('Did you mean "RUN-03"?');
  });

  it('a config file with unknown keys: exit 5, every problem named, before anything starts', async () => {
    const config = path.join(dir, 'bad-config.json');
    writeFileSync(config, JSON.stringify({ sed: 1, runs: 'many', editions: ['pro', 'enterprise'] }));
    const result = await runCli(['run', '--config', config, '--out', out('config')]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('sed: unknown key. Did you mean "seed"?');
    expect(result.stderr).toContain('runs:');
    expect(result.stderr).toContain('editions[1]');
    expect(existsSync(out('config'))).toBe(false);
  });

  it('an unreadable devices file: exit 7', async () => {
    const result = await runCli(['run', '--devices', path.join(dir, 'missing.json'), '--out', out('devices')]);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('missing.json');
  });
});
