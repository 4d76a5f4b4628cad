/**
 * The password lock's scrypt cost: the standard one on a server on the wall clock (the product), a lighter one on a
 * server on the frozen conformance clock (conformance testing only). The stored hash names its cost, so a password
 * opens the lock whatever cost it was set with, and a wrong one never does.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import { layoutOf } from '../../../reference-server/storage/layout.js';
import { startTestServer, tempDir, type TestServer } from '../../helpers/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function storedHash(dataDir: string): string {
  const db = new Database(layoutOf(path.resolve(dataDir)).database, { readonly: true });
  try {
    return (db.prepare('SELECT password_hash FROM tfa_password_lock WHERE id = 1').get() as { password_hash: string })
      .password_hash;
  } finally {
    db.close();
  }
}

async function login(t: TestServer, password: string): Promise<string> {
  const { loginId } = await t.console.call('startLogin', { body: {} });
  return t.console
    .call('loginPassword', { params: { loginId }, body: { password } })
    .then((answer) => answer.state as string)
    .catch((error: unknown) => (error instanceof MbsError ? error.code : String(error)));
}

const FROZEN = { conformanceClock: true, frozenClock: true } as const;

describe('the password lock’s cost', () => {
  it('is scrypt’s standard cost on the wall clock and the light one on the frozen clock', async () => {
    for (const [options, tag] of [
      [{}, 'scrypt'],
      [FROZEN, 'scrypt-n1024'],
    ] as const) {
      server = await startTestServer('pro', options);
      await server.console.call('setPasswordLock', { body: { password: 'right password', email: 'o@example.com' } });
      expect(storedHash(server.dataDir).split('$')[0]).toBe(tag);
      expect(await login(server, 'wrong password')).toBe('password-invalid');
      expect(await login(server, 'right password')).toBe('logged-in');
      await server.close();
      server = undefined;
    }
  });

  for (const [setOn, readOn, tag] of [
    [{}, FROZEN, 'scrypt'],
    [FROZEN, {}, 'scrypt-n1024'],
  ] as const) {
    it(`opens with a password hashed as ${tag} on a server now on the other clock`, async () => {
      const dataDir = tempDir('mbs-password-cost-');
      const first = await startTestServer('pro', { dataDir, ...setOn });
      await first.console.call('setPasswordLock', { body: { password: 'kept password', email: 'o@example.com' } });
      await first.close();
      try {
        server = await startTestServer('pro', { dataDir, ...readOn });
        expect(storedHash(dataDir).split('$')[0]).toBe(tag);
        expect(await login(server, 'kept password')).toBe('logged-in');
        expect(await login(server, 'wrong password')).toBe('password-invalid');
      } finally {
        await server?.close();
        server = undefined;
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }

  it('is a server error, never a wrong or a right password, when the stored hash cannot be read', async () => {
    server = await startTestServer('pro');
    await server.console.call('setPasswordLock', { body: { password: 'right password', email: 'o@example.com' } });
    const db = new Database(layoutOf(path.resolve(server.dataDir)).database);
    for (const unreadable of ['bcrypt$c2FsdA==$aGFzaA==', 'scrypt-n1024$c2FsdA==$']) {
      db.prepare('UPDATE tfa_password_lock SET password_hash = ? WHERE id = 1').run(unreadable);
      expect(await login(server, 'right password')).toBe('internal-error');
      expect(await login(server, 'some other password')).toBe('internal-error');
    }
    db.close();
  });
});
