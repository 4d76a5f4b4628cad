/**
 * `--seeds-url URL` (or `seedsUrl` in a config file): where the seed documents are published, so the Allure results
 * and the HTML report link each requirement to its seed section. Anything but an http(s) URL is refused before the run starts.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/test-server.js';

const dir = tempDir('mbsc-seeds-url-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHECK = ['--checks', 'tfa-registration-secret-strength'];

describe('--seeds-url', () => {
  it('links each Allure result to its requirement seed section at that address', async () => {
    const out = path.join(dir, 'linked');
    const target = ['--server', 'http://127.0.0.1:9', '--udp-port', '9', '--edition', 'pro'];
    const result = await runCli([
      'validate',
      ...target,
      ...CHECK,
      '--seeds-url',
      'https://docs.example.test/seeds',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(3);
    const results = readdirSync(path.join(out, 'allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .map(
        (f) => JSON.parse(readFileSync(path.join(out, 'allure-results', f), 'utf8')) as { links: { url: string }[] },
      );
    const urls = results.flatMap((r) => r.links.map((l) => l.url));
    expect(urls.some((u) => u.startsWith('https://docs.example.test/seeds/') && u.includes('#:~:text='))).toBe(true);
    // index.html's matrix links the requirement's row to the same section.
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    const data = JSON.parse(/id="report-data">([^]*?)<\/script>/.exec(html)![1]!) as {
      seedLinks: Record<string, { url: string }>;
    };
    expect(data.seedLinks['TOTP-15']?.url).toMatch(/^https:\/\/docs\.example\.test\/seeds\/.+#:~:text=/);
    expect(urls).toContain(data.seedLinks['TOTP-15']?.url);
  });

  it('refuses anything but an http(s) URL: a usage error on the command line, config-invalid in a file', async () => {
    const bad = await runCli(['run', '--list', ...CHECK, '--seeds-url', 'docs.example.test/seeds']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--seeds-url must be an http:// or https:// URL, not "docs.example.test/seeds".');
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ seedsUrl: 'file:///srv/seeds' }));
    const inFile = await runCli(['run', '--list', ...CHECK, '--config', config]);
    expect(inFile.code).toBe(5);
    expect(inFile.stderr).toContain('seedsUrl');
  });
});
