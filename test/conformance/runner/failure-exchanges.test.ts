/**
 * A failing cell carries the HTTP exchanges of its failing attempt, secrets masked, over real HTTP to the reference
 * server: a one-shot check's last exchanges, a property's shrunk case's, a faulty server's violating request.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Check, CheckContext } from '../../../conformance/kit/check.js';
import { checkOnce, checkProperty } from '../../../conformance/kit/property.js';
import { rawRequest } from '../../../conformance/kit/raw-http.js';
import { pairDevice } from '../../../conformance/kit/server-support.js';
import { homeRefusesCheck } from '../../../conformance/suites/editions/two-factor-by-edition.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { runChecks } from '../suites/fixtures/run-checks.js';

const synthetic = (
  run: (context: CheckContext) => Promise<ReturnType<Check['run']> extends Promise<infer O> ? O : never>,
): Check => ({
  id: 'pairing-synthetic',
  title: 'a synthetic check of the pairing route',
  area: 'PAIR',
  requirements: ['PAIR-02'],
  scope: 'server',
  run,
});

async function firstCell(check: Check, target = new ReferenceTarget(['home'])) {
  const summary = await runChecks(target, [check], 3, 7);
  return { summary, cell: summary.checks[0]!.cells[0]! };
}

describe('the exchanges of a failing cell', () => {
  it('a one-shot failure carries its last exchanges, with the console key, the token and the device key masked', async () => {
    let consoleKey = '';
    let deviceKey = '';
    const { summary, cell } = await firstCell(
      synthetic(({ session }) =>
        checkOnce(async () => {
          consoleKey = session.console!.consoleKey!;
          const device = await pairDevice(session, 'Exchanges');
          deviceKey = device.client.deviceKey!;
          const info = await new MbsClient({ baseUrl: session.url }).call('getInfo');
          throw new Error(`the server says edition ${info.edition}, expected pro`);
        }),
      ),
    );
    expect(cell.verdict).toBe('fail');
    const exchanges = cell.failure?.exchanges ?? [];
    expect(exchanges.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'POST /v1/console/pairings 201',
      'POST /v1/pair 201',
      'GET /v1/info 200',
    ]);
    const [pairing, pair, info] = exchanges;
    expect(pairing?.requestHeaders['x-mbs-console-key']).toMatch(/^\[masked: \d+ chars\]$/);
    expect(pairing?.requestBody).toBe('{"mode":"add"}');
    expect(pair?.responseBody).toMatch(/"deviceKey":"\[masked: \d+ chars\]"/);
    expect(info?.responseBody).toContain('"edition":"home"');
    const written = JSON.stringify(summary);
    expect(consoleKey.length).toBeGreaterThan(8);
    expect(written).not.toContain(consoleKey);
    expect(written).not.toContain(deviceKey);
  });

  it("a property's failure carries the exchanges of its shrunk case, not of a passing shrink after it", async () => {
    const { cell } = await firstCell(
      synthetic((context) =>
        checkProperty(
          fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), async (n) => {
            // Each case's request names its case: the exchanges show which case they came from.
            await rawRequest(context.session.url, { method: 'GET', path: `/v1/nowhere/${n}` });
            if (n >= 10) throw new Error(`case ${n}: expected a number below 10`);
          }),
          context,
          50,
        ),
      ),
    );
    expect(cell.failure?.message).toBe('case 10: expected a number below 10');
    // Shrinking tried case 9 after 10 and it passed: the failure still carries the exchange of case 10 alone.
    expect(cell.failure?.exchanges?.map((e) => `${e.path} ${e.status}`)).toEqual(['/v1/nowhere/10 404']);
  });

  it('a faulty server caught by a one-shot check yields its violating request', async () => {
    const { summary, cell } = await firstCell(
      homeRefusesCheck,
      new ReferenceTarget(['home'], { faults: ['two-factor-on-home'] }),
    );
    expect(cell.verdict).toBe('fail');
    const last = cell.failure?.exchanges?.at(-1);
    expect(last).toMatchObject({ method: 'GET', path: '/v1/console/2fa' });
    expect(last?.status).not.toBe(404);
    expect(last?.responseBody).toContain('console-unauthorized');
    for (const exchange of summary.checks.flatMap((c) => c.cells).flatMap((c) => c.failure?.exchanges ?? [])) {
      for (const name of ['x-mbs-console-key', 'authorization']) {
        const value = exchange.requestHeaders[name];
        if (value !== undefined) expect(value).toMatch(/\[masked: \d+ chars\]$/);
      }
    }
  });
});
