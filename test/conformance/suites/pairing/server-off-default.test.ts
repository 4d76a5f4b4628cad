/** Where the connection checks repeat automatic mode on a server started off the edition's default port. */
import { describe, expect, it } from 'vitest';
import type { DeviceCheckContext } from '../../../../conformance/kit/check.js';
import type { OwnServer, TargetSession } from '../../../../conformance/targets/target.js';
import { offTheDefaultPort } from '../../../../conformance/suites/pairing/server-off-default.js';
import { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';

/** A context whose session's server listens at `url`; `started` records the servers like it the check starts. */
function contextAt(
  url: string,
  started: string[],
  closed: string[],
  ownUrl = 'http://127.0.0.1:50001',
): DeviceCheckContext {
  const own: OwnServer = {
    url: ownUrl,
    host: '127.0.0.1',
    udpPort: 50201,
    console: new MbsClient({ baseUrl: ownUrl }),
    close: async () => void closed.push('own'),
  };
  const startOwnServer = async () => (started.push('own'), own);
  const session = {
    edition: 'pro',
    url,
    host: '127.0.0.1',
    udpPort: 50200,
    startOwnServer,
  } as unknown as TargetSession;
  return { session } as DeviceCheckContext;
}

describe('offTheDefaultPort', () => {
  it("starts nothing when the target's server is off the default already: that one shows the rule", async () => {
    const started: string[] = [];
    const seen: string[] = [];
    const skipped = await offTheDefaultPort(
      contextAt('http://127.0.0.1:38741', started, []),
      async (c) => void seen.push(c.session.url),
    );
    expect({ started, seen, skipped }).toEqual({ started: [], seen: [], skipped: undefined });
  });

  it("points the steps at a server like the target's when the target's sits on the edition's first port", async () => {
    const started: string[] = [];
    const closed: string[] = [];
    const seen: { url: string; udpPort: number; edition: string }[] = [];
    const skipped = await offTheDefaultPort(
      contextAt('http://127.0.0.1:50000', started, closed),
      async ({ session }) => {
        seen.push({ url: session.url, udpPort: session.udpPort, edition: session.edition });
      },
    );
    expect(skipped).toBeUndefined();
    expect(seen).toEqual([{ url: 'http://127.0.0.1:50001', udpPort: 50201, edition: 'pro' }]);
    expect({ started, closed }).toEqual({ started: ['own'], closed: ['own'] });
  });

  it('closes the server it started when the steps find a violation', async () => {
    const closed: string[] = [];
    const steps = async () => Promise.reject(new Error('PAIR-06'));
    await expect(offTheDefaultPort(contextAt('http://127.0.0.1:50000', [], closed), steps)).rejects.toThrow('PAIR-06');
    expect(closed).toEqual(['own']);
  });

  it('skips the steps, and says why, when the server it started took the default port too', async () => {
    // A remote target on the default port, the default free on this machine: the new server proves nothing.
    const [started, closed, seen] = [[], [], []] as [string[], string[], string[]];
    const context = contextAt('http://192.0.2.7:50000', started, closed, 'http://127.0.0.1:50000');
    const skipped = await offTheDefaultPort(context, async (c) => void seen.push(c.session.url));
    expect(seen).toEqual([]);
    expect(skipped).toMatch(/took the default TCP port 50000 too/);
    expect({ started, closed }).toEqual({ started: ['own'], closed: ['own'] });
  });
});
