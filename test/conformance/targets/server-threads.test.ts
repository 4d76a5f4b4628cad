/**
 * The reference target's server thread: every edition's servers share one (its sessions' and those its checks
 * start); each server still answers as itself, and the thread ends with its last server.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Edition } from '../../../conformance/spec/editions.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { scratchRoot } from '../../../conformance/targets/scratch-root.js';
import { serverThreadsRunning } from '../../../conformance/targets/server-threads.js';
import type { OwnServer, TargetSession } from '../../../conformance/targets/target.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of open.splice(0).reverse()) await server.close();
});

async function sessions(target: ReferenceTarget, editions: readonly Edition[]): Promise<TargetSession[]> {
  const opened = await Promise.all(editions.map((edition) => target.open(edition)));
  open.push(...opened);
  return opened;
}

async function ownServer(session: TargetSession): Promise<OwnServer> {
  const own = await session.startOwnServer!();
  open.push(own);
  return own;
}

describe("the reference target's server threads", () => {
  it("hold every edition's servers on one thread, each answering as itself, and end with the last", async () => {
    const before = serverThreadsRunning();
    const target = new ReferenceTarget(['pro', 'lite', 'home']);
    const opened = await sessions(target, ['pro', 'lite', 'home', 'pro']);
    const own = await ownServer(opened[2]!);
    expect(serverThreadsRunning()).toBe(before + 1);
    const editions = await Promise.all(opened.map(async (s) => (await s.console!.call('getInfo')).edition));
    expect(editions).toEqual(['pro', 'lite', 'home', 'pro']);
    expect((await own.console.call('getInfo')).edition).toBe('home');
    expect(new Set(opened.map((s) => s.url)).size).toBe(4);
    for (const server of open.splice(0).reverse()) await server.close();
    expect(serverThreadsRunning()).toBe(before);
  });

  it("keep a check's own server's data beside the sessions', where no fsync holds up the thread, and remove it", async () => {
    const owned = () => new Set(readdirSync(scratchRoot()).filter((name) => name.startsWith('mbsc-own-lite-')));
    const before = owned();
    const [session] = await sessions(new ReferenceTarget(['pro', 'lite']), ['lite']);
    const own = await ownServer(session!);
    const made = [...owned()].filter((name) => !before.has(name));
    expect(made).toHaveLength(1);
    expect((await own.console.call('getInfo')).edition).toBe('lite');
    await own.close();
    expect(owned().has(made[0]!)).toBe(false);
  });
});
