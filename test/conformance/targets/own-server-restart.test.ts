/**
 * A vendor's `--own-server` command as the nemesis's server: started on a data directory of the kit's, killed and
 * started again on it (the same server, found again where it says it listens, even when a neighbour took its old
 * port, on a full disk, and after a neighbour held its whole range for a while), and closed; a start after a crash
 * that fails, or a server that ends by itself, says so from then on; a command without {data} says why it cannot be
 * one. Runs `mbsc serve` from the compiled CLI as the vendor's command.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandTemplate } from '../../../conformance/targets/command-template.js';
import { NO_DATA_PLACEHOLDER, restartStart } from '../../../conformance/targets/own-server-process.js';
import type { RestartableServer } from '../../../conformance/targets/target.js';
import { restartableOn } from '../../../conformance/targets/restartable-server.js';
import { startProcess } from '../../../conformance/targets/started-processes.js';
import { SetupError } from '../../../conformance/kit/setup.js';
import { EDITIONS } from '../../../conformance/spec/editions.js';
import { hold, portsOf } from '../../../conformance/suites/network/port-probe.js';
import { NoFreePortError } from '../../../reference-server/net/ports.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
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
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A reference server on `port` as soon as that port is free (tried every few milliseconds). */
async function takeWhenFree(port: number): Promise<TestServer> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await startTestServer('pro', { tcpPort: port });
    } catch (error) {
      if (!(error instanceof NoFreePortError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** How long the range stays held while the server starts again: longer than one start that finds it full. */
const RANGE_HELD_MS = 8_000;

/** Holds `port` as soon as it is free (tried every few milliseconds). */
async function holdWhenFree(port: number): Promise<Awaited<ReturnType<typeof hold>>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const held = await hold('tcp', [port]);
    if (held.ports.length > 0 || Date.now() > deadline) return held;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

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

  it(
    'finds its own server again, not the neighbour that took its port while it was down',
    { timeout: TIMEOUT_MS },
    async () => {
      const start = restartStart({ template: serve('--data', '{data}') }, 'pro');
      server = await start.startRestartableServer!();
      const oldUrl = server.url;
      const before = await new MbsClient({ baseUrl: oldUrl }).call('getInfo');
      // A neighbour of the same edition that takes the port the moment the killed server frees it.
      const neighbour = takeWhenFree(Number(new URL(oldUrl).port));
      await server.restart();
      const squatter = await neighbour;
      cleanups.push(() => squatter.close());
      expect(squatter.server.url).toBe(oldUrl);
      expect(server.url).not.toBe(oldUrl);
      const after = await new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }).call('getInfo');
      expect(after.serverId).toBe(before.serverId);
      await expect(
        new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }).call('listDevices'),
      ).resolves.toBeDefined();
      // Its old URL is the neighbour's now, which refuses the key.
      await expect(
        new MbsClient({ baseUrl: oldUrl, consoleKey: server.consoleKey }).call('listDevices'),
      ).rejects.toMatchObject({ code: 'console-unauthorized' });
    },
  );

  it('says why once it could not start again, rather than name the port it had', { timeout: TIMEOUT_MS }, async () => {
    let starts = 0;
    const idle = [process.execPath, '-e', 'setInterval(() => {}, 1000)'];
    server = await restartableOn('mbsc-restart-fails-', 'key', async () => {
      starts += 1;
      if (starts > 1) throw new Error('port busy');
      return { child: startProcess(idle), url: 'http://127.0.0.1:9' };
    });
    const failed = server.restart();
    await expect(failed).rejects.toBeInstanceOf(SetupError);
    await expect(failed).rejects.toMatchObject({ cause: { message: 'port busy' } });
    expect(() => server!.url).toThrow(/starting the server again on its data after a crash/);
  });

  it(
    'starts again on a full disk and keeps answering there, a pairing code made once the disk has room',
    { timeout: TIMEOUT_MS },
    async (context) => {
      server = await restartStart({ template: serve('--data', '{data}') }, 'pro').startRestartableServer!();
      const disk = server.disk;
      if (!disk) return context.skip(`no small disk to fill here: ${server.diskLack}`);
      const filler = path.join(disk.dir, 'filler');
      try {
        writeFileSync(filler, Buffer.alloc(disk.free()));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      // `mbsc serve` makes a pairing code as it starts: on a full disk that write is refused, and it serves on.
      await server.restart();
      const console = () => new MbsClient({ baseUrl: server!.url, consoleKey: server!.consoleKey });
      // Refused for want of room, or made in room SQLite's log still had: answered either way, by the same server.
      const onFullDisk = await console()
        .call('createPairing', { body: { mode: 'add' } })
        .then(
          () => 'made',
          (error: { code?: string }) => error.code,
        );
      expect(['made', 'server-disk-full']).toContain(onFullDisk);
      rmSync(filler);
      await expect(console().call('createPairing', { body: { mode: 'add' } })).resolves.toBeDefined();
    },
  );

  it(
    'starts again once a neighbour stops holding every port of its range, rather than give up',
    { timeout: TIMEOUT_MS },
    async () => {
      server = await restartStart({ template: serve('--data', '{data}') }, 'home').startRestartableServer!();
      const oldPort = Number(new URL(server.url).port);
      const held = await hold('tcp', portsOf(EDITIONS.home.tcp));
      const restarted = server.restart();
      // Its own port too, the moment the kill frees it: the whole range is taken while it starts again.
      const own = await holdWhenFree(oldPort);
      setTimeout(() => void Promise.all([held.release(), own.release()]), RANGE_HELD_MS);
      await restarted;
      await expect(
        new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey }).call('listDevices'),
      ).resolves.toBeDefined();
    },
  );

  it(
    'says why once the server ended by itself, rather than name the port it had',
    { timeout: TIMEOUT_MS },
    async () => {
      const child = startProcess([process.execPath, '-e', 'setTimeout(() => process.exit(7), 100)']);
      server = await restartableOn('mbsc-ends-by-itself-', 'key', async () => ({ child, url: 'http://127.0.0.1:9' }));
      await child.exited;
      expect(() => server!.url).toThrow(SetupError);
      expect(() => server!.url).toThrow(
        expect.objectContaining({
          cause: expect.objectContaining({ message: expect.stringContaining('exit code 7') }),
        }),
      );
    },
  );

  it('is refused, saying why, when the command has no {data} to start it again on', () => {
    const start = restartStart({ template: serve() }, 'pro');
    expect(start.startRestartableServer).toBeUndefined();
    expect(start.restartLack).toBe(NO_DATA_PLACEHOLDER);
  });
});
