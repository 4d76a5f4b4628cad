/**
 * A reference server started for a check that is not about ports waits for its edition's range to free: a
 * neighbouring port check holds every port of it for a moment, and the start then fails for want of a port, which
 * says nothing of the server. Real ports on 127.0.0.1: the range is held, then freed.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../../conformance/spec/editions.js';
import { startWhenRangeFrees } from '../../../conformance/targets/range-held.js';
import { SetupError } from '../../../conformance/kit/setup.js';
import { findTcpPort, NO_FREE_PORT, NoFreePortError } from '../../../reference-server/net/ports.js';

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('startWhenRangeFrees', () => {
  it('tries a start that found no free port again, and returns once a port is free', async () => {
    let tries = 0;
    const started = await startWhenRangeFrees(async () => {
      tries += 1;
      if (tries < 3) throw new NoFreePortError('TCP', '127.0.0.1', EDITIONS.home.tcp);
      return 'up';
    });
    expect(started).toBe('up');
    expect(tries).toBe(3);
  });

  it('keeps the code when the error crosses threads, as the servers’ thread rebuilds it', async () => {
    let tries = 0;
    const rebuilt = () =>
      Object.assign(new Error('No free TCP port on 127.0.0.1 in 52000-52099.'), { code: NO_FREE_PORT });
    await startWhenRangeFrees(async () => {
      tries += 1;
      if (tries === 1) throw rebuilt();
    });
    expect(tries).toBe(2);
  });

  it('makes a range still full after the wait a setup error (the cell errs), never the server’s failure', async () => {
    const full = () => Promise.reject(new NoFreePortError('TCP', '127.0.0.1', EDITIONS.pro.tcp));
    const error = await startWhenRangeFrees(full, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).cause).toBeInstanceOf(NoFreePortError);
  });

  it('lets any other failure stand at once', async () => {
    let tries = 0;
    const start = async () => {
      tries += 1;
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    };
    await expect(startWhenRangeFrees(start)).rejects.toThrow('disk full');
    expect(tries).toBe(1);
  });

  it('waits out a range really held on 127.0.0.1', async () => {
    // A range of one port the system chose, so no other program's port is touched.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    held.push(server);
    const port = (server.address() as { port: number }).port;
    let tries = 0;
    const found = await startWhenRangeFrees(async () => {
      tries += 1;
      // The second try frees the range, as a neighbour's port check ends.
      if (tries === 2) await new Promise((resolve) => held.pop()?.close(resolve));
      return findTcpPort('127.0.0.1', { first: port, last: port });
    });
    expect(found).toBe(port);
    expect(tries).toBe(2);
  });
});
