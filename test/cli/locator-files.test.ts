/**
 * A locator file an option names (`--console-locators` for a vendor's web console, `--locators` for a real build)
 * that cannot be read or is not a locator map is an invalid configuration: exit 5 and `config-invalid`'s words, the
 * same for both options, before anything is reached.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-locator-files-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};
const server = ['--server', 'http://127.0.0.1:1', '--udp-port', '1', '--edition', 'pro', '--out', path.join(dir, 'o')];
const withConsole = (locators: string) =>
  runCli(['validate', ...server, '--console-url', 'http://127.0.0.1:1/', '--console-locators', locators]);

describe('locator files', () => {
  it('--console-locators: unreadable, not JSON or not a locator map is config-invalid (exit 5)', async () => {
    const notJson = await withConsole(file('broken.json', '{ "ready": '));
    expect(notJson.code, notJson.stderr).toBe(5);
    expect(notJson.stderr).toMatch(/mbsc validate: --console-locators .*broken\.json: .*JSON/);
    const missing = await withConsole(path.join(dir, 'absent.json'));
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('absent.json: ENOENT');
    const notMap = await withConsole(file('partial.json', JSON.stringify({ ready: '#ready', extra: 'x' })));
    expect(notMap.code).toBe(5);
    expect(notMap.stderr).toMatch(/--console-locators .*partial\.json: no selector for .*; unknown keys extra/);
  });

  it('--locators with bad JSON gives the same exit and words', async () => {
    const out = path.join(dir, 'o');
    const result = await runCli(
      ['run', '--via', 'emulator', '--app', 'a.apk', '--locators', file('bad.json', '[1,'), '--out', out],
      30_000,
      { ANDROID_HOME: undefined, ANDROID_SDK_ROOT: undefined },
    );
    expect(result.code, result.stderr).toBe(5);
    expect(result.stderr).toMatch(/mbsc run: --locators .*bad\.json: .*JSON/);
  });
});
