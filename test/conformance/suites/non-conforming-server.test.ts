/**
 * Servers that break one rule each, run through the runner as `mbsc validate` would run a vendor's: a reference
 * server behind a proxy that rewrites some answers. The check for that rule fails with a counterexample (replayable
 * from its path); the other checks pass or say why they cannot run against a server the kit does not control.
 */
import { describe, expect, it } from 'vitest';
import { runCheck, type Check } from '../../../conformance/kit/check.js';
import { contentSource } from '../../../conformance/kit/content-source.js';
import { editionFeatureChecks } from '../../../conformance/suites/editions/features-by-edition.js';
import { errorsConformanceCheck } from '../../../conformance/suites/protocol/errors-catalogued.js';
import { migrationCheck } from '../../../conformance/suites/migration/server-device-list.js';
import { pairingTokensCheck } from '../../../conformance/suites/pairing/tokens-and-device-list.js';
import { protocolIntegrityCheck } from '../../../conformance/suites/protocol/upload-integrity.js';
import { SERVER_CHECKS } from '../../../conformance/suites/index.js';
import { brokenServer, cell, cleanUpAfterEach, uploadPath } from './fixtures/broken-servers.js';
import { json } from './fixtures/rewriting-proxy.js';
import { runChecks } from './fixtures/run-checks.js';

cleanUpAfterEach();

describe('a server that breaks one rule', () => {
  it('answering 200 to an append at the wrong offset fails the integrity model, with its command list', async () => {
    const { target, proxy } = await brokenServer('pro', async (x) => {
      const id = uploadPath.exec(x.url)?.[1];
      if (x.method !== 'PATCH' || !id || x.status !== 409) return undefined;
      if ((json(x.body) as { code?: string })?.code !== 'upload-offset-mismatch') return undefined;
      // Ignores the offset the client sent and answers with where the upload really is.
      const status = await x.upstream('GET', `/v1/uploads/${id}`, {
        authorization: String(x.requestHeaders.authorization),
      });
      return { status: 200, body: JSON.stringify({ complete: false, upload: json(status.body) }) };
    });
    const summary = await runChecks(target, SERVER_CHECKS, 15);
    expect(proxy.rewritten()).toBeGreaterThan(0);
    const failed = cell(summary, protocolIntegrityCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/expected upload-offset-mismatch.*but it succeeded/);
    expect(failed.failure?.commands?.some((c) => /append to upload #\d+ at its offset [+-] \d+/.test(c))).toBe(true);
    expect(failed.failure?.counterexample).toBeTruthy();
    expect(failed.failure?.seed).toBe(42);
    expect(failed.failure?.path).toBeTruthy();
    expect(failed.failure?.replayCommand).toContain('--seed 42');
    // Every other check passes or says why it cannot run against a server it does not control.
    const others = summary.checks.filter((c) => c.checkId !== protocolIntegrityCheck.id);
    expect(
      others.flatMap((c) =>
        c.cells.filter((x) => x.verdict === 'fail').map((x) => `${c.checkId}: ${x.failure?.message}`),
      ),
    ).toEqual([]);
    expect(summary.requirements.find((r) => r.id === 'BAK-02')?.verdict).toBe('fail');
    expect(summary.verdict).toBe('fail');

    // Replaying the failure's path runs the shrunk command list at once, and fails the same way.
    const [path, commandsPath] = (failed.failure?.path ?? '').split('~');
    const session = await target.open('pro');
    const replayed = await runCheck(protocolIntegrityCheck, {
      checkId: protocolIntegrityCheck.id,
      session,
      column: { edition: 'pro' },
      seed: 42,
      content: contentSource(42, protocolIntegrityCheck.id, 'pro'),
      runs: 15,
      ...(path ? { path } : {}),
      ...(commandsPath ? { commandsReplayPath: commandsPath } : {}),
    });
    expect(replayed).toMatchObject({ verdict: 'fail', runs: 1, failure: { commands: failed.failure?.commands } });
  });

  it('listing an unfinished upload fails the integrity model', async () => {
    const uploads = new Map<string, string>();
    const { target } = await brokenServer('home', async (x) => {
      if (x.method === 'POST' && x.url === '/v1/uploads' && x.status === 201) {
        const answer = json(x.body) as { status: string; upload?: { uploadId: string } };
        if (answer.upload) uploads.set(answer.upload.uploadId, String(x.requestHeaders.authorization));
        return undefined;
      }
      if (x.method !== 'GET' || !x.url.startsWith('/v1/items?') || x.status !== 200) return undefined;
      const query = new URLSearchParams(x.url.split('?')[1]);
      if (query.has('cursor') || query.has('kind') || (query.get('tab') ?? 'recent') !== 'recent') return undefined;
      const page = json(x.body) as { items: unknown[]; nextCursor: string | null };
      for (const [uploadId, authorization] of uploads) {
        if (authorization !== x.requestHeaders.authorization) continue;
        const status = await x.upstream('GET', `/v1/uploads/${uploadId}`, { authorization });
        const upload = json(status.body) as { sha256: string; size: number; offset: number };
        if (status.status !== 200 || upload.offset === 0) continue;
        page.items.push({
          sha256: upload.sha256,
          size: upload.size,
          meta: { kind: 'photo', name: 'partial.jpg', path: '/partial.jpg' },
          tab: 'recent',
          storedAs: 'blocks/2021-07-19-15-43-34/0/0000ff.JPG',
          confirmedAt: Date.now(),
        });
      }
      return { status: 200, body: JSON.stringify(page) };
    });
    const summary = await runChecks(target, [protocolIntegrityCheck], 30);
    const failed = cell(summary, protocolIntegrityCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/an unfinished upload is listed \(offset \d+ of \d+\)/);
    expect(failed.failure?.commands?.length).toBeGreaterThan(0);
  });

  it('a device list that drops names outside ASCII fails the pairing model, not the migration check', async () => {
    const { target } = await brokenServer('pro', async (x) => {
      if (x.method !== 'GET' || x.url !== '/v1/console/devices' || x.status !== 200) return undefined;
      const list = json(x.body) as { devices: { name: string }[] };
      return {
        status: 200,
        body: JSON.stringify({ devices: list.devices.filter((d) => /^[\x20-\x7e]*$/.test(d.name)) }),
      };
    });
    const summary = await runChecks(target, [pairingTokensCheck, migrationCheck], 30);
    const failed = cell(summary, pairingTokensCheck);
    expect(failed.verdict).toBe('fail');
    // The phones named as long as a name may be come first; one of them is named in Japanese.
    expect(failed.failure?.message).toMatch(/the device list's name of a phone paired as "山田.*": got undefined/);
    expect(cell(summary, migrationCheck).verdict).toBe('pass');
  });

  it('a device list that drops accented names fails the pairing model with its shrunk steps', async () => {
    const { target } = await brokenServer('pro', async (x) => {
      if (x.method !== 'GET' || x.url !== '/v1/console/devices' || x.status !== 200) return undefined;
      const list = json(x.body) as { devices: { name: string }[] };
      return { status: 200, body: JSON.stringify({ devices: list.devices.filter((d) => !/é/.test(d.name)) }) };
    });
    const summary = await runChecks(target, [pairingTokensCheck], 30);
    const failed = cell(summary, pairingTokensCheck);
    expect(failed.verdict).toBe('fail');
    // The phones named at the limit have no accent: the sequences meet "Téléphone de Zoé".
    expect(failed.failure?.message).toMatch(/the device list shows \[.*\]; the model has \[.*Zoé/);
    expect(failed.failure?.commands?.some((c) => c.startsWith('pair a new installation'))).toBe(true);
  });

  it('a migration that gives the replacement a folder of its own fails the migration check', async () => {
    const { target } = await brokenServer('home', async (x) => {
      if (x.method !== 'POST' || x.url !== '/v1/pair' || x.status !== 201) return undefined;
      const answer = json(x.body) as { name: string; registeredAt: number; migratedFrom?: unknown };
      if (!answer.migratedFrom) return undefined;
      return { status: 201, body: JSON.stringify({ ...answer, backupPath: `${answer.name}/${answer.registeredAt}` }) };
    });
    const summary = await runChecks(target, [migrationCheck], 5);
    const failed = cell(summary, migrationCheck);
    expect(failed.verdict).toBe('fail');
    // The device's name carries its cell's tag (conformance/kit/device-names.ts).
    expect(failed.failure?.message).toMatch(/^migration answered .*"backupPath":"Redmi Note 8 [0-9a-f]+\/\d+"/);
    expect(failed.failure?.counterexample).toBeTruthy();
  });

  it('a Home server that answers 2FA routes as if it had them fails the Home features check', async () => {
    const { target } = await brokenServer('home', async (x) => {
      if (x.status !== 404 || (json(x.body) as { code?: string })?.code !== '2fa-not-supported') return undefined;
      return {
        status: 401,
        body: JSON.stringify({ code: 'console-unauthorized', message: 'The console key is missing or wrong.' }),
      };
    });
    const summary = await runChecks(target, editionFeatureChecks, 1);
    const failed = cell(summary, editionFeatureChecks[2] as Check);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(
      /on a Home server answered 401 console-unauthorized, not 404 2fa-not-supported/,
    );
    expect(summary.requirements.find((r) => r.id === 'EDN-04')?.verdict).toBe('fail');
  });

  it('an error answered as plain text fails the error check, with the request that got it', async () => {
    const { target } = await brokenServer('pro', async (x) => {
      if (x.status !== 405) return undefined;
      return { status: 405, body: 'Method Not Allowed' };
    });
    const summary = await runChecks(target, [errorsConformanceCheck], 40);
    const failed = cell(summary, errorsConformanceCheck);
    expect(failed.verdict).toBe('fail');
    expect(failed.failure?.message).toMatch(/status 405 with a body that is not JSON/);
    expect(failed.failure?.counterexample).toMatch(/method/);
  });
});
