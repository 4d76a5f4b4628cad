/** `mbsc outbox` against a running reference server, and the webhook options of `mbsc serve`, as a user runs them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-process.js';
import { startFixture, type Fixture } from './fixture.js';

let f: Fixture;
beforeAll(async () => {
  // A key that starts with a dash, as one in 64 generated keys does: the command must still take it as the value.
  f = await startFixture('pro', { consoleKey: '-Xq3vN8_console-key' });
  const app = await f.registerApp();
  await app.call('setRecoveryPhone', { body: { phone: '+85291234589' } });
});
afterAll(async () => f?.close());

const outbox = (...extra: string[]) =>
  runCli(['outbox', '--server', f.t.server.url, '--console-key', f.t.server.consoleKey, ...extra]);

describe('mbsc outbox', () => {
  it('prints the messages the server sent, as JSON or as a table', async () => {
    const json = await outbox('--json');
    expect(json.code).toBe(0);
    const [code] = /[A-Z]{4}-\d{6}/.exec(json.stdout) ?? [];
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ seq: 1, channel: 'sms', to: '+85291234589', text: `Verification Code: ${code}` }),
    ]);
    const plain = await outbox();
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/SEQ\s+SENT\s+CHANNEL\s+TO\s+MESSAGE/);
    expect(plain.stdout).toContain(`sms      +85291234589  Verification Code: ${code}`);
    expect((await outbox('--after', '1')).stdout).toContain('The outbox is empty.');
  });

  it('needs the server and its console key', async () => {
    const missing = await runCli(['outbox', '--server', f.t.server.url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give --server and --console-key.');
    const wrong = await runCli(['outbox', '--server', f.t.server.url, '--console-key', 'wrong']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('console key');
  });
});

describe('mbsc serve webhook options', () => {
  it('refuse what is not an http(s) URL', async () => {
    const bad = await runCli(['serve', '--sms-webhook', 'ftp://gateway.test/sms']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--sms-webhook must be an http:// or https:// URL');
    expect((await runCli(['serve', '--help'])).stdout).toMatch(/--email-webhook URL/);
  });
});
