/**
 * Every server suite through the runner, as `mbsc run` runs it: against the reference server on pro and home (all
 * pass, each requirement they cover passes, Lite-only checks skip with their reason), and against a running server
 * given without a console key (the checks that need one, the data directory, a server of their own or a web console
 * read untested, saying why, and those of other editions skipped; the rest pass).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { editionFeatureChecks } from '../../../conformance/suites/editions/features-by-edition.js';
import { editionPortChecks, portFallbackCheck } from '../../../conformance/suites/network/ports-by-edition.js';
import { errorsConformanceCheck } from '../../../conformance/suites/protocol/errors-catalogued.js';
import { migrationCheck } from '../../../conformance/suites/migration/server-device-list.js';
import { discoveryCheck } from '../../../conformance/suites/network/discovery-announces-ports.js';
import { pairingTokensCheck } from '../../../conformance/suites/pairing/tokens-and-device-list.js';
import { protocolIntegrityCheck } from '../../../conformance/suites/protocol/upload-integrity.js';
import { SERVER_CHECKS } from '../../../conformance/suites/index.js';
import { REASONS } from '../../../conformance/kit/applies.js';

const NO_CONSOLE_REASON = REASONS.console;
import { storageLayoutCheck } from '../../../conformance/suites/storage/layout.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { ServerTarget } from '../../../conformance/targets/server-target.js';
import type { Summary } from '../../../conformance/runner/summary-schema.js';
import { startServer, type RunningServer } from '../../../reference-server/server.js';
import { cellsOf, runChecks, verdictOf } from './fixtures/run-checks.js';

const BOTH_PASS = [
  ['pro', 'pass', undefined],
  ['home', 'pass', undefined],
];

describe('server suites against the reference server (pro, home)', () => {
  let summary: Summary;
  beforeAll(async () => {
    summary = await runChecks(new ReferenceTarget(['pro', 'home']), SERVER_CHECKS, 10);
  }, 300_000);

  it('lists every check once, with unique ids', () => {
    expect(new Set(SERVER_CHECKS.map((c) => c.id)).size).toBe(SERVER_CHECKS.length);
    expect(SERVER_CHECKS.every((c) => c.scope === 'server')).toBe(true);
  });

  it.each([
    ['pairing and discovery', [discoveryCheck, pairingTokensCheck, migrationCheck]],
    ['protocol integrity', [protocolIntegrityCheck]],
    ['storage layout', [storageLayoutCheck]],
    ['errors', [errorsConformanceCheck]],
    ['port fallback', [portFallbackCheck]],
  ] as [string, Check[]][])('%s: passes on both editions', (_name, checks) => {
    for (const check of checks) expect(cellsOf(summary, check.id), check.id).toEqual(BOTH_PASS);
  });

  it('editions and ports: each edition’s check passes on it and skips elsewhere, saying why', () => {
    const [pro, lite, home] = editionPortChecks as [Check, Check, Check];
    expect(cellsOf(summary, pro.id)).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', 'only a Pro server has the Pro ranges'],
    ]);
    expect(cellsOf(summary, lite.id).map((c) => c[1])).toEqual(['skipped', 'skipped']);
    expect(cellsOf(summary, home.id).map((c) => c[1])).toEqual(['skipped', 'pass']);
    const [proFeatures, , homeFeatures] = editionFeatureChecks as [Check, Check, Check];
    expect(cellsOf(summary, proFeatures.id).map((c) => c[1])).toEqual(['pass', 'skipped']);
    expect(cellsOf(summary, homeFeatures.id).map((c) => c[1])).toEqual(['skipped', 'pass']);
  });

  it('every requirement the suites cover passes, except the Lite ones, skipped with the reason', () => {
    const covered = [...new Set(SERVER_CHECKS.flatMap((c) => c.requirements))].sort();
    const verdicts = Object.fromEntries(covered.map((id) => [id, verdictOf(summary, id)]));
    const wanted = Object.fromEntries(
      covered.map((id) => [id, ['NET-02', 'EDN-02'].includes(id) ? 'skipped' : 'pass']),
    );
    expect(verdicts).toEqual(wanted);
    expect(summary.requirements.find((r) => r.id === 'NET-02')?.reason).toBe('only a Lite server has the Lite ranges');
    expect(summary.verdict).toBe('pass');
  });
});

describe('server suites against a running server given without a console key', () => {
  let server: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mbsc-vendor-'));
    server = await startServer({ edition: 'home', dataDir, host: '127.0.0.1', name: 'vendor home' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves untested what needs the key, the data directory or its own servers, and passes the rest', async () => {
    const target = new ServerTarget({ url: server.url, udpPort: server.identity.udpPort, edition: 'home' });
    const summary = await runChecks(target, SERVER_CHECKS, 5);
    const cells = Object.fromEntries(
      summary.checks.map((c) => [
        c.checkId,
        c.cells[0]?.reason === undefined ? c.cells[0]?.verdict : `${c.cells[0].verdict}: ${c.cells[0].reason}`,
      ]),
    );
    expect(cells).toEqual({
      'network-discovery-announces-actual-ports': 'pass',
      'network-ports-pro': 'skipped: only a Pro server has the Pro ranges',
      'network-ports-lite': 'skipped: only a Lite server has the Lite ranges',
      'network-ports-home': 'pass',
      'network-ports-fallback': `untested: ${REASONS.ownServers}`,
      'editions-pro-features': 'skipped: the Pro features are checked on a Pro server',
      'editions-lite-features': 'skipped: the Lite features are checked on a Lite server',
      'editions-home-features': 'pass',
      'pairing-tokens-model': `untested: ${NO_CONSOLE_REASON}`,
      'pairing-qr-app-link': `untested: ${NO_CONSOLE_REASON}`,
      'migration-device-list': `untested: ${NO_CONSOLE_REASON}`,
      'migration-version-requirements': `untested: ${NO_CONSOLE_REASON}`,
      'platforms-tablets': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-upload-integrity-model': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-upload-refusals': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-devices-apart': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-edited-file': `untested: ${NO_CONSOLE_REASON}`,
      'storage-layout': `untested: ${REASONS.dataDir}`,
      'storage-stored-as': `untested: ${NO_CONSOLE_REASON}`,
      'storage-destination-drives': `untested: ${NO_CONSOLE_REASON}`,
      'storage-removed-device-files': `untested: ${REASONS.dataDir}`,
      'run-conditions-server-without-internet': `untested: ${REASONS.pushService}`,
      'protocol-errors-catalogued': 'pass',
      'protocol-error-precedence': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-empty-bodies': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-range-downloads': `untested: ${NO_CONSOLE_REASON}`,
      'protocol-conformance-clock': expect.stringMatching(/^skipped: the server offers no conformance clock/),
      'pairing-token-lifetime-real-time': `untested: ${NO_CONSOLE_REASON}`,
      'backup-settled-rules': `untested: ${NO_CONSOLE_REASON}`,
      'backup-nemesis-durability': `untested: ${NO_CONSOLE_REASON}`,
      'desktop-console-mobile-backup':
        'untested: the target has no web console (give --console-url and --console-locators)',
    });
    expect(summary.verdict).toBe('pass');
  });
});
