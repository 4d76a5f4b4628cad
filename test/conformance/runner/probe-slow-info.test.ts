/**
 * The run's probe of its target, the first request a run makes to a server it did not start with a console key:
 * a server slow to answer its first `GET /v1/info`, as one just started on a busy machine may, is asked again and
 * tested, not stopped as unreachable; one that never answers is unreachable after the tries, and one that answers
 * as another edition is a protocol violation at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { probe } from '../../../conformance/runner/aside-servers.js';
import type { TargetSession } from '../../../conformance/targets/target.js';
import { droppingInfo } from '../../helpers/dropping-info.js';
import { startTestServer } from '../../helpers/test-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The probe reads only where the session's server is and which edition it is meant to be. */
const sessionAt = (url: string, edition: TargetSession['edition']) => ({ url, edition }) as TargetSession;

describe("the run's probe of a server slow to answer GET /v1/info", () => {
  it('asks again and takes the answer', async () => {
    const inner = await startTestServer('lite');
    closers.push(() => inner.close());
    expect(await probe(sessionAt(await droppingInfo(inner, 2, closers), 'lite'))).toBeUndefined();
  });

  it('is unreachable when no try is answered', async () => {
    const inner = await startTestServer('lite');
    closers.push(() => inner.close());
    const problem = await probe(sessionAt(await droppingInfo(inner, 3, closers), 'lite'));
    expect(problem).toMatchObject({ code: 'unreachable' });
  });

  it('is a protocol violation when the server says it is another edition', async () => {
    const inner = await startTestServer('home');
    closers.push(() => inner.close());
    const problem = await probe(sessionAt(await droppingInfo(inner, 0, closers), 'lite'));
    expect(problem).toMatchObject({
      code: 'protocol-violation',
      message: 'the server says it is the home edition, not lite',
    });
  });
});
