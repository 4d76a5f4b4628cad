import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strictBodiesCheck } from '../../../../conformance/suites/protocol/strict-bodies.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { ServerTarget } from '../../../../conformance/targets/server-target.js';
import { startServer } from '../../../../reference-server/server.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('strict request bodies on every route', () => {
  it('pass on the reference server, Pro and Home', async () => {
    const summary = await runTwoFactor([strictBodiesCheck], { runs: 60 });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, strictBodiesCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
      ['home', 'pass'],
    ]);
  });

  it.each(['unknown-body-keys-accepted', 'body-types-coerced'] as const)('catch %s', async (fault) => {
    const summary = await runTwoFactor([strictBodiesCheck], {
      runs: 60,
      target: new ReferenceTarget(['pro'], { faults: [fault] }),
    });
    expect(verdictOf(summary, 'NET-12')).toBe('fail');
    expect(cellsOf(summary, strictBodiesCheck.id)[0]?.[2]).toMatch(/expected 400 invalid-request/);
  });

  it('pass on a server started without the conformance clock, whose clock routes refuse before reading a body', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mbsc-strict-'));
    const server = await startServer({ edition: 'pro', dataDir, host: '127.0.0.1', name: 'no clock' });
    try {
      const target = new ServerTarget({
        url: server.url,
        udpPort: server.identity.udpPort,
        edition: 'pro',
        consoleKey: server.consoleKey,
      });
      const summary = await runTwoFactor([strictBodiesCheck], { runs: 60, target, profiles: [] });
      expect(failuresOf(summary)).toEqual([]);
      expect(cellsOf(summary, strictBodiesCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
        ['pro', 'pass'],
      ]);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
