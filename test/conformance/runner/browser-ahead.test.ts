/**
 * The run's Chromium starts while an edition's server starts, when the target says each of its sessions has a web
 * console: the kit's thread would otherwise only wait for the server, and load playwright-core and launch the browser
 * after it. A target that says nothing starts it only once a session shows a console, as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientError } from '../../../conformance/spec/errors.js';
import type { Check } from '../../../conformance/kit/check.js';
import type { Target, TargetSession } from '../../../conformance/targets/target.js';
import { runEdition } from '../../../conformance/runner/run-edition.js';

const launched = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../conformance/kit/browser.js', async (original) => ({
  ...(await original<object>()),
  launchBrowserAhead: () => void (launched.count += 1),
}));

const inBrowser: Check = {
  id: 'desktop-console-test',
  title: 'A check through the console in Chromium',
  area: 'DESK',
  requirements: ['DESK-01'],
  tags: ['browser'],
  scope: 'server',
  run: () => Promise.resolve({ verdict: 'pass', runs: 1 }),
};

/** A target whose session is never opened: it records how many browsers were launched while it was asked to. */
function targetOf(consoleEverySession: boolean): Target & { readonly seenAtOpen: number[] } {
  const seenAtOpen: number[] = [];
  return {
    seenAtOpen,
    serverPerOpen: true,
    ...(consoleEverySession ? { consoleEverySession: true } : {}),
    describe: () => ({ kind: 'reference', editions: ['pro'], description: 'a test target' }),
    open: async (): Promise<TargetSession> => {
      // Answered once the caller has gone on to what it does while the server starts.
      await new Promise((resolve) => setImmediate(resolve));
      seenAtOpen.push(launched.count);
      throw new ClientError('server-start-failed', 'not opened in this test');
    },
  };
}

async function launchesWhileOpening(consoleEverySession: boolean): Promise<number[]> {
  const target = targetOf(consoleEverySession);
  const verdicts: string[] = [];
  const options = { seed: 7, runs: 1, levelOf: () => 'MUST' as const };
  const problem = await runEdition(target, 'pro', [inBrowser], [], options, async (_check, _column, cell) => {
    verdicts.push(cell.verdict);
  });
  expect(problem?.code).toBe('server-start-failed');
  expect(verdicts).toEqual(['error']);
  return target.seenAtOpen;
}

afterEach(() => {
  launched.count = 0;
});

describe('the browser launched ahead of a browser check', () => {
  it('starts while the server starts when every session has a console', async () => {
    expect(await launchesWhileOpening(true)).toEqual([1]);
  });

  it('waits for a session that shows one otherwise', async () => {
    expect(await launchesWhileOpening(false)).toEqual([0]);
  });
});
