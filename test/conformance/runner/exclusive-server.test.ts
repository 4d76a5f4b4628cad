/**
 * On a target that starts a server per session, the exclusive checks run on servers of their own (two when they weigh
 * enough), one at a time on each, while the other checks share the first: never an exclusive check beside another
 * check on one server, and the rest of the run does not wait for them; once the others have ended, the first server
 * takes exclusive cells too; exclusive cells that are only skipped there start no second server.
 */
import { describe, expect, it } from 'vitest';
import type { Check, CheckContext } from '../../../conformance/kit/check.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { runChecks } from '../suites/fixtures/run-checks.js';

interface Visit {
  readonly checkId: string;
  readonly url: string;
  readonly exclusive: boolean;
  /** Checks running on the same server when this one started. */
  readonly beside: number;
  /** Whether an exclusive check was running on the same server when this one started. */
  readonly besideExclusive: boolean;
}

/** A server check of NET-01, exclusive or not, with what else it needs (its `run`, where it applies). */
const netCheck = (id: string, exclusive: boolean, rest: Pick<Check, 'run'> & Partial<Check>): Check => ({
  id,
  title: id,
  area: 'NET',
  requirements: ['NET-01'],
  scope: 'server',
  ...(exclusive ? { exclusive: true } : {}),
  ...rest,
});

/**
 * Checks that record each visit to their server, with how many checks were running on it then, and do `body` there.
 */
function visiting(visits: Visit[], body: (exclusive: boolean) => Promise<unknown>) {
  const active = new Map<string, number>();
  const exclusiveOn = new Set<string>();
  return (id: string, exclusive: boolean): Check =>
    netCheck(id, exclusive, {
      async run(context: CheckContext) {
        const url = context.session.url;
        visits.push({
          checkId: id,
          url,
          exclusive,
          beside: active.get(url) ?? 0,
          besideExclusive: exclusiveOn.has(url),
        });
        active.set(url, (active.get(url) ?? 0) + 1);
        if (exclusive) exclusiveOn.add(url);
        try {
          await body(exclusive);
          return { verdict: 'pass' as const, runs: 1 };
        } finally {
          active.set(url, (active.get(url) ?? 1) - 1);
          if (exclusive) exclusiveOn.delete(url);
        }
      },
    });
}

describe('exclusive checks on a target with a server per session', () => {
  it('run alone on a server of their own, while the others run', async () => {
    const visits: Visit[] = [];
    let pooledStarted: () => void = () => {};
    const pooledStart = new Promise<void>((resolve) => (pooledStarted = resolve));
    let exclusiveStarted: () => void = () => {};
    const exclusiveStart = new Promise<void>((resolve) => (exclusiveStarted = resolve));
    const within = (event: Promise<void>) =>
      Promise.race([
        event.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000).unref()),
      ]);
    let sawPooledRunning = false;
    const check = visiting(visits, async (exclusive) => {
      if (exclusive) {
        exclusiveStarted();
        // The first exclusive check sees a pooled one start; before, the pool waited for the exclusive ones.
        sawPooledRunning ||= await within(pooledStart);
      } else {
        pooledStarted();
        // The pool lasts until an exclusive check has started, so that this one cannot take the first server.
        await within(exclusiveStart);
      }
    });
    const checks = [check('x-1', true), check('p-1', false), check('x-2', true), check('p-2', false)];
    const summary = await runChecks(new ReferenceTarget(['home']), checks, 1);

    expect(summary.checks.map((c) => c.cells.map((x) => x.verdict))).toEqual([['pass'], ['pass'], ['pass'], ['pass']]);
    const pooledUrls = new Set(visits.filter((v) => !v.exclusive).map((v) => v.url));
    expect(pooledUrls.size).toBe(1);
    // The first exclusive check ran beside the pool on a server of its own; the second may take the first after it.
    expect(pooledUrls.has(visits.find((v) => v.exclusive)?.url as string)).toBe(false);
    expect(visits.filter((v) => v.exclusive).map((v) => v.beside)).toEqual([0, 0]);
    expect(visits.some((v) => v.besideExclusive)).toBe(false);
    expect(sawPooledRunning).toBe(true);
  }, 120_000);

  it('start two servers for them, each running one at a time, when they weigh more than a long cell', async () => {
    const visits: Visit[] = [];
    const target = new ReferenceTarget(['home']);
    let opened = 0;
    const open = target.open.bind(target);
    target.open = async (edition) => ((opened += 1), open(edition));
    const check = visiting(visits, () => new Promise((resolve) => setTimeout(resolve, 200)));
    // Ids of the weight table's long checks: together far more than one long cell.
    const heavy = ['desktop-console-recovery', 'storage-layout', 'protocol-strict-bodies'];
    const checks = [...heavy.map((id) => check(id, true)), check('p-1', false)];
    const summary = await runChecks(target, checks, 1);

    expect(summary.checks.flatMap((c) => c.cells.map((x) => x.verdict))).toEqual(['pass', 'pass', 'pass', 'pass']);
    const exclusive = visits.filter((v) => v.exclusive);
    expect(exclusive.map((v) => v.beside)).toEqual([0, 0, 0]);
    expect(visits.some((v) => v.besideExclusive)).toBe(false);
    // The first server and two for the exclusive cells (which of them each cell takes depends on which is up first).
    expect(opened).toBe(3);
  }, 120_000);

  it('take the first server too, one at a time, once the others have ended there', async () => {
    const visits: Visit[] = [];
    // Exclusive cells that outlast the pool: once it has ended, the first server takes the next one.
    const check = visiting(
      visits,
      (exclusive) => new Promise((resolve) => setTimeout(resolve, exclusive ? 1_500 : 10)),
    );
    const exclusiveIds = ['x-1', 'x-2', 'x-3', 'x-4', 'x-5', 'x-6'];
    const checks = [...exclusiveIds.map((id) => check(id, true)), check('p-1', false)];
    const summary = await runChecks(new ReferenceTarget(['home']), checks, 1);

    expect(summary.checks.flatMap((c) => c.cells.map((x) => x.verdict))).toEqual(checks.map(() => 'pass'));
    const pooledUrl = visits.find((v) => !v.exclusive)?.url;
    const exclusive = visits.filter((v) => v.exclusive);
    expect(exclusive.map((v) => v.beside)).toEqual(exclusiveIds.map(() => 0));
    expect(visits.some((v) => v.besideExclusive)).toBe(false);
    expect(exclusive.some((v) => v.url === pooledUrl)).toBe(true);
  }, 120_000);

  it('start no second server when every exclusive cell is skipped on the edition', async () => {
    const target = new ReferenceTarget(['home']);
    let opened = 0;
    const open = target.open.bind(target);
    target.open = async (edition) => ((opened += 1), open(edition));
    const check = (id: string, exclusive: boolean): Check =>
      netCheck(id, exclusive, {
        run: async () => ({ verdict: 'pass' as const, runs: 1 }),
        ...(exclusive ? { applies: () => ({ applies: false, reason: 'not on Home' }) } : {}),
      });
    const summary = await runChecks(target, [check('x-1', true), check('p-1', false)], 1);
    expect(summary.checks.map((c) => c.cells.map((x) => [x.verdict, x.reason]))).toEqual([
      [['skipped', 'not on Home']],
      [['pass', undefined]],
    ]);
    expect(opened).toBe(1);
  }, 120_000);
});
