/**
 * The restartable reference server (the nemesis's server to crash): a process of its own that answers over HTTP;
 * killed and started again it answers on its data (the same server id, kept in its database); its disk is either fillable or says why not; closed, it answers no more. Runs the compiled entry.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRestartableServer } from '../../../conformance/targets/restartable-server.js';
import type { RestartableServer } from '../../../conformance/targets/target.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { REPO_ROOT } from '../../helpers/cli-process.js';

const ENTRY = path.join(REPO_ROOT, 'dist/conformance/targets/restartable-entry.js');
/** Generous: each start is a Node process opening SQLite on a busy two-core machine. */
const TIMEOUT_MS = 120_000;

let server: RestartableServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const consoleOf = (s: RestartableServer) => new MbsClient({ baseUrl: s.url, consoleKey: s.consoleKey });

describe('startRestartableServer', () => {
  it('answers again on the same data after a kill, and not at all once closed', { timeout: TIMEOUT_MS }, async () => {
    expect(existsSync(ENTRY), `build first: ${ENTRY}`).toBe(true);
    server = await startRestartableServer(ENTRY, 'pro', []);
    const before = await consoleOf(server).call('getInfo');
    await server.restart();
    const after = await consoleOf(server).call('getInfo');
    expect(after.serverId).toBe(before.serverId);
    expect(after.edition).toBe('pro');
    // Exactly one of: a disk the nemesis can fill, or why it cannot.
    expect([server.disk === undefined, server.diskLack === undefined].sort()).toEqual([false, true]);
    const url = server.url;
    await server.close();
    server = undefined;
    await expect(new MbsClient({ baseUrl: url }).call('getInfo')).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('starts the faulty variant it is given', { timeout: TIMEOUT_MS }, async () => {
    server = await startRestartableServer(ENTRY, 'home', ['two-factor-on-home']);
    // Home refuses 2FA; this variant serves it.
    const registration = await consoleOf(server).call('createRegistration', { body: {} });
    expect(registration.secret).toMatch(/^[A-Z2-7]{16}$/);
  });
});
