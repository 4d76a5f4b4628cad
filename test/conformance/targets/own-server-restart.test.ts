/**
 * A vendor's `--own-server` command as the nemesis's server: started on a data directory of the kit's, killed and
 * started again on it (the same server, found again on its edition's range), and closed; a command without {data}
 * says why it cannot be one. Runs `mbsc serve` from the compiled CLI as the vendor's command.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandTemplate } from '../../../conformance/targets/command-template.js';
import { NO_DATA_PLACEHOLDER, restartStart } from '../../../conformance/targets/own-server-process.js';
import type { RestartableServer } from '../../../conformance/targets/target.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { REPO_ROOT } from '../../helpers/cli-process.js';

const CLI = path.join(REPO_ROOT, 'dist/cli/bin.js');
/** Generous: each start is a Node process opening SQLite on a busy two-core machine. */
const TIMEOUT_MS = 180_000;
const serve = (...data: string[]) =>
  commandTemplate([
    process.execPath,
    CLI,
    'serve',
    '--edition',
    '{edition}',
    '--host',
    '{host}',
    ...data,
    '--console-key',
    '{consoleKey}',
  ]);

let server: RestartableServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('an --own-server command the nemesis may crash', () => {
  it(
    'answers again as the same server on its data after a kill, and not at all once closed',
    { timeout: TIMEOUT_MS },
    async () => {
      expect(existsSync(CLI), `build first: ${CLI}`).toBe(true);
      const start = restartStart({ template: serve('--data', '{data}') }, 'lite');
      expect(start.restartLack).toBeUndefined();
      server = await start.startRestartableServer!();
      const console = () => new MbsClient({ baseUrl: server!.url, consoleKey: server!.consoleKey });
      const before = await console().call('getInfo');
      await server.restart();
      const after = await console().call('getInfo');
      // The server id lives in its database: the same id is the same data.
      expect(after.serverId).toBe(before.serverId);
      expect(after.edition).toBe('lite');
      expect([server.disk === undefined, server.diskLack === undefined].sort()).toEqual([false, true]);
      const url = server.url;
      await server.close();
      server = undefined;
      await expect(new MbsClient({ baseUrl: url }).call('getInfo')).rejects.toMatchObject({ code: 'unreachable' });
    },
  );

  it('is refused, saying why, when the command has no {data} to start it again on', () => {
    const start = restartStart({ template: serve() }, 'pro');
    expect(start.startRestartableServer).toBeUndefined();
    expect(start.restartLack).toBe(NO_DATA_PLACEHOLDER);
  });
});
