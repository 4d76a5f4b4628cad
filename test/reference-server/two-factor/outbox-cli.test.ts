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
  // A password lock's "Forgot password": an e-mail, whose sender the table shows beside the SMS's none.
  await f.desk.call('setPasswordLock', { body: { password: 'lock password 1', email: 'owner@example.com' } });
  const { loginId } = await f.desk.call('startLogin', { body: {} });
  await f.desk.call('loginForgotPassword', { params: { loginId }, body: { email: 'owner@example.com' } });
});
afterAll(async () => f?.close());

const outbox = (...extra: string[]) =>
  runCli(['outbox', '--server', f.t.server.url, '--console-key', f.t.server.consoleKey, ...extra]);

describe('mbsc outbox', () => {
  it('prints the messages the server sent, as JSON or as a table', async () => {
    const json = await outbox('--json');
    expect(json.code).toBe(0);
    const [code] = /[A-Z]{4}-\d{6}/.exec(json.stdout) ?? [];
    const sender = 'PNS <pns@reference-server.invalid>';
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ seq: 1, channel: 'sms', to: '+85291234589', text: `Verification Code: ${code}` }),
      expect.objectContaining({ seq: 2, channel: 'email', from: sender, to: 'owner@example.com' }),
    ]);
    const plain = await outbox();
    expect(plain.code).toBe(0);
    const [header, , sms, email] = plain.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^SEQ\s+SENT\s+CHANNEL\s+FROM\s+TO\s+MESSAGE$/);
    // Each row's sender in the FROM column: none for the SMS, the PNS address for the e-mail.
    const from = header!.indexOf('FROM');
    expect(sms!.slice(from)).toMatch(new RegExp(`^-\\s+\\+85291234589\\s+Verification Code: ${code}$`));
    expect(email!.slice(from)).toMatch(
      /^PNS <pns@reference-server\.invalid>\s+owner@example\.com\s+Recover Password Lock/,
    );
    expect((await outbox('--after', '2')).stdout).toContain('The outbox is empty.');
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
