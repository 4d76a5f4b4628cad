/** The `mbsc` command as a user runs it: help, errors with suggestions, serve, discover, requirements, demo. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../conformance/spec/editions.js';
import { decodePairingPayload } from '../../conformance/spec/protocol/pairing.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { NOT_COVERED } from '../../conformance/spec/requirements/not-covered.js';
import { terminalQr } from '../../cli/terminal-qr.js';
import { runCli, spawnServe } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('mbsc help and usage errors', () => {
  it('lists its commands, and each command its options', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'discover', 'requirements', 'demo']) {
      expect(top.stdout).toContain(command);
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: mbsc ${command}`);
    }
    expect((await runCli(['serve', '--help'])).stdout).toMatch(/--edition VALUE.*one of pro, lite, home/);
  });

  it('loads no library for its help or its version: each command loads its work when it runs', async () => {
    const dir = tempDir('mbsc-loaded-');
    dirs.push(dir);
    const log = path.join(dir, 'modules.txt');
    const register = pathToFileURL(path.resolve('test/helpers/loaded-modules/register.mjs')).href;
    const loaded = async (args: string[]) => {
      writeFileSync(log, '');
      const { code } = await runCli(args, 30_000, {
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${register}`].filter(Boolean).join(' '),
        MBSC_LOADED_MODULES: log,
      });
      expect(code).toBe(0);
      return readFileSync(log, 'utf8').split('\n').filter(Boolean);
    };
    const commands = [
      'run',
      'validate',
      'serve',
      'discover',
      'requirements',
      'outbox',
      'demo',
      'merge',
      'selftest',
      'load',
    ];
    for (const args of [['--help'], ['--version'], ...commands.map((c) => [c, '--help'])]) {
      const modules = await loaded(args);
      // The record is there to be read: a hook that recorded nothing fails here, not silently below.
      expect(modules.some((m) => m.endsWith('/cli/bin.js'))).toBe(true);
      expect({ args, libraries: modules.filter((m) => m.includes('/node_modules/')) }).toEqual({ args, libraries: [] });
    }
  });

  it('prints its version, the one in package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const printed = await runCli([flag]);
      expect(printed.code).toBe(0);
      expect(printed.stdout.trim()).toBe(`mbsc ${version}`);
    }
  });

  it('takes a server address without a scheme for a usage error, before anything starts', async () => {
    const noScheme = await runCli([
      'validate',
      '--server',
      'localhost:8080',
      '--udp-port',
      '50200',
      '--edition',
      'pro',
    ]);
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toContain("--server localhost:8080: give the server's base URL with its scheme");
    expect(noScheme.stderr).not.toMatch(/TypeError|Invalid URL/);
  });

  it('suggests the nearest name for an unknown command, option or choice, with exit code 2', async () => {
    const command = await runCli(['discovr']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Did you mean "discover"?');
    const option = await runCli(['serve', '--editon', 'pro']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Did you mean "--edition"?');
    const choice = await runCli(['serve', '--edition', 'prp']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('Did you mean "pro"?');
    const port = await runCli(['serve', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a whole number from 0 to 65535');
  });
});

describe('mbsc requirements', () => {
  it('prints the whole catalogue, one area, or JSON', async () => {
    const all = await runCli(['requirements']);
    expect(all.code).toBe(0);
    for (const r of REQUIREMENTS) expect(all.stdout).toContain(r.id);
    const run = await runCli(['requirements', '--area', 'RUN', '--json']);
    const parsed = JSON.parse(run.stdout) as { id: string }[];
    expect(parsed.length).toBe(REQUIREMENTS.filter((r) => r.id.startsWith('RUN-')).length);
    expect(parsed.every((r) => r.id.startsWith('RUN-'))).toBe(true);
  });

  it('with --checks names the checks of each requirement and their files, or why none covers it', async () => {
    const table = await runCli(['requirements', '--area', 'RUN', '--checks']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /RUN-03 .*\n(.*\n)*? +checked by run-conditions-model \(conformance\/suites\/run-conditions\/backup-held\.ts\)/,
    );
    const json = await runCli(['requirements', '--checks', '--json']);
    const rows = JSON.parse(json.stdout) as { id: string; checks: { id: string; file: string }[] }[];
    for (const c of rows.flatMap((r) => r.checks)) {
      expect(existsSync(c.file), c.file).toBe(true);
      // The file declares the check: its scope, or its id handed to a helper that declares it.
      const source = readFileSync(c.file, 'utf8');
      expect(/scope: '(server|device)'/.test(source) || source.includes(`'${c.id}'`), `${c.id} in ${c.file}`).toBe(
        true,
      );
    }
    expect(
      rows
        .filter((r) => r.checks.length === 0)
        .map((r) => r.id)
        .sort(),
    ).toEqual(Object.keys(NOT_COVERED).sort());
    // Any requirement still without a check shows why, under its area.
    for (const [id, reason] of Object.entries(NOT_COVERED).slice(0, 1)) {
      const area = await runCli(['requirements', '--area', id.split('-')[0] as string, '--checks']);
      expect(area.stdout).toContain(`no check: ${reason}`);
    }
  });
});

describe('mbsc serve and discover', () => {
  it('prints the actual ports and a pairing QR, is found by discover, and stops on SIGTERM', async () => {
    const data = tempDir('mbs-cli-');
    dirs.push(data);
    const server = await spawnServe(['--edition', 'home', '--data', data, '--host', '127.0.0.1']);
    try {
      expect(server.tcpPort).toBeGreaterThanOrEqual(EDITIONS.home.tcp.first);
      expect(server.tcpPort).toBeLessThanOrEqual(EDITIONS.home.tcp.last);
      expect(server.udpPort).toBeGreaterThanOrEqual(EDITIONS.home.udp.first);
      const payloadLine = server
        .output()
        .split('\n')
        .find((l) => l.startsWith('https://app.example.com/pair#'));
      expect(payloadLine).toBeDefined();
      const payload = decodePairingPayload(payloadLine as string);
      expect(payload).toMatchObject({ edition: 'home', host: '127.0.0.1', tcp: server.tcpPort, udp: server.udpPort });
      expect(server.output()).toContain(await terminalQr(payloadLine as string));

      const found = await runCli(['discover', '--edition', 'home', '--json', '--timeout', '800']);
      expect(found.code).toBe(0);
      expect(JSON.parse(found.stdout)).toContainEqual(
        expect.objectContaining({ edition: 'home', tcpPort: server.tcpPort, udpPort: server.udpPort }),
      );
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Stopping (SIGTERM)');
  });

  it('reports that nothing answered with exit code 1', async () => {
    // 192.0.2.1 is reserved for documentation (RFC 5737): no server can answer from it, whatever runs on this
    // machine (a loopback address such as 127.0.0.2 reaches any server listening on all addresses).
    const none = await runCli(['discover', '--host', '192.0.2.1', '--timeout', '200']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No server answered');
  });
});

describe('mbsc demo (npm start)', () => {
  it('pairs, backs up, restores byte-identical and discovers the server', async () => {
    const demo = await runCli(['demo', '--photos', '3', '--videos', '1'], 60_000);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Backed up: 3 Photos, 1 Videos, 0 Files, and 0 2FA Accounts');
    expect(demo.stdout).toContain('byte-identical');
    expect(demo.stdout).toContain('UDP discovery found it');
  });
});
