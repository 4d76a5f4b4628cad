/**
 * Garbage at every route of the table: random methods, paths, queries, headers and bodies, some of them nearly
 * right (shaped by the routes' own schemas) and some with valid keys, so the checks behind authentication are
 * reached too. Whatever comes in, the server answers below 500, every error is a catalogued `{ code, message }`
 * with the catalogue's status, and it still answers afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileName } from '../../conformance/spec/protocol/common.js';
import { PairingToken } from '../../conformance/spec/protocol/pairing.js';
import { ROUTE_NAMES, ROUTES, type RouteSpec } from '../../conformance/spec/protocol/routes.js';
import { errorOf, rawRequest, type RawCall } from '../helpers/raw-http.js';
import { nearlySchemaArb, schemaArb, type Overrides } from '../helpers/schema-arbitrary.js';
import { bytesOf, photo, sha256, startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let deviceKey: string;
let authenticatorKey: string;
/** Ids the server really holds, so that some requests get past "not found". */
const real = {
  deviceId: '',
  uploadId: '',
  backupId: '',
  closedBackupId: '',
  sha256: '',
  authenticatorId: '',
  loginId: '',
  requestId: '',
  registrationId: '',
};

beforeAll(async () => {
  t = await startTestServer('pro');
  const device = await t.pairDevice('Fuzzed');
  deviceKey = device.deviceKey as string;
  // Only the spare's id is offered to the fuzzer: removing the fuzzed device would lock every later request out.
  real.deviceId = (await t.pairDevice('Spare')).deviceId;
  real.closedBackupId = (await device.call('startBackup', { body: {} })).backupId;
  const bytes = bytesOf(1, 64);
  real.sha256 = (await device.uploadItem(real.closedBackupId, bytes, photo('IMG_0001.jpg'), sha256(bytes))).sha256;
  await device.call('commitBackup', {
    params: { backupId: real.closedBackupId },
    body: { present: [real.sha256], accounts: [] },
  });
  real.backupId = (await device.call('startBackup', { body: {} })).backupId;
  const pending = bytesOf(2, 32);
  const created = await device.call('createUpload', {
    body: { backupId: real.backupId, sha256: sha256(pending), size: pending.length, meta: photo('IMG_0002.jpg') },
  });
  if (created.status === 'duplicate') throw new Error('fixture upload is a duplicate');
  real.uploadId = created.upload.uploadId;
  await registerTwoFactor();
});

/** An app registered for 2FA (the fuzzed one) and a spare, a login waiting on a push, an open registration. */
async function registerTwoFactor(): Promise<void> {
  const register = async (name: string) => {
    const { payload } = await t.console.call('createRegistration', { body: {} });
    const registrationToken = new URL(payload).searchParams.get('token') ?? '';
    const installId = `fuzz-${name.toLowerCase()}`;
    const body = { registrationToken, name, platform: 'android' as const, installId };
    return t.console.call('registerAuthenticator', { body });
  };
  authenticatorKey = (await register('Fuzzed')).authenticatorKey;
  // As with devices, only the spare's id is offered: removing the fuzzed authenticator would lock it out.
  real.authenticatorId = (await register('Spare')).authenticatorId;
  real.loginId = (await t.console.call('startLogin', { body: {} })).loginId;
  const push = await t.console.call('loginPush', {
    params: { loginId: real.loginId },
    body: { authenticatorId: real.authenticatorId },
  });
  real.requestId = push.push?.requestId ?? '';
  real.registrationId = (await t.console.call('createRegistration', { body: {} })).registrationId;
}
afterAll(async () => t?.close());

const printable = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });
const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
/** Path segments that are not ids: traversal, bad percent-encoding, over-long, empty, random. */
const garbageSegment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '..%2F..%2Fetc', '%00', '%zz', '%', '%E2%82', '', 'a'.repeat(101)),
  fc.string({ maxLength: 80 }).map(encodeURIComponent),
  fc.webSegment(),
);
const segmentFor: Record<string, fc.Arbitrary<string>> = {
  deviceId: fc.oneof(
    fc.constant(0).map(() => real.deviceId),
    fc.constant('no-such-device'),
    garbageSegment,
  ),
  uploadId: fc.oneof(
    fc.constant(0).map(() => real.uploadId),
    token,
    garbageSegment,
  ),
  backupId: fc.oneof(
    { weight: 2, arbitrary: fc.constant(0).map(() => real.backupId) },
    { weight: 1, arbitrary: fc.constant(0).map(() => real.closedBackupId) },
    { weight: 1, arbitrary: token },
    { weight: 1, arbitrary: garbageSegment },
  ),
  sha256: fc.oneof(
    fc.constant(0).map(() => real.sha256),
    fc.stringMatching(/^[0-9a-f]{64}$/),
    garbageSegment,
  ),
};
for (const key of ['authenticatorId', 'loginId', 'requestId', 'registrationId'] as const) {
  segmentFor[key] = fc.oneof(
    fc.constant(0).map(() => real[key]),
    token,
    garbageSegment,
  );
}
const shaPool = fc.oneof(
  fc.constant(0).map(() => real.sha256),
  fc.stringMatching(/^[0-9a-f]{64}$/),
);
const bodyOverrides: Overrides = {
  backupId: segmentFor.backupId as fc.Arbitrary<string>,
  originalDeviceId: fc.oneof(
    fc.constant(0).map(() => real.deviceId),
    token,
  ),
  sha256: shaPool,
  authenticatorId: segmentFor.authenticatorId as fc.Arbitrary<string>,
  present: fc.array(shaPool, { maxLength: 3 }),
  items: fc.array(shaPool, { minLength: 1, maxLength: 3 }),
  token: schemaArb(PairingToken),
  // Names of supported types, so that some uploads get past the file type check (they are device names too).
  name: fc.oneof(
    fc.constantFrom('IMG_0001.jpg', 'VID_0001.mp4', 'Report.PDF', 'song.mp3', 'x.heic'),
    schemaArb(FileName),
  ),
};

const methods = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) },
);
const headerValue = fc.oneof(printable(80), fc.constantFrom('', ' ', 'null', '0', '-1', '99999999999999999999'));
/** Headers the transport owns (framing); a request carrying wrong ones is not the application's to answer. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'host', 'connection', 'upgrade', 'te', 'trailer']);
const extraHeaders = fc.dictionary(
  fc.oneof(
    fc.constantFrom('accept', 'accept-encoding', 'content-encoding', 'expect', 'origin', 'cookie', 'if-none-match'),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/).filter((name) => !FRAMING.has(name)),
    fc.stringMatching(/^x-[a-z0-9-]{1,15}$/),
  ),
  headerValue,
  { maxKeys: 3 },
);
const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/offset+octet-stream',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    ';;',
  ),
  printable(40),
);

interface Body {
  readonly kind: string;
  readonly text: string | Uint8Array;
}
interface Generated {
  readonly route: string;
  readonly method: string;
  readonly path: string;
  /** 'valid' stands for the fuzzed device's or authenticator's key (the console's key), filled in when sent. */
  readonly authorization: string | undefined;
  readonly consoleKey: string | undefined;
  readonly contentType: string | undefined;
  readonly uploadOffset: string | undefined;
  readonly range: string | undefined;
  readonly extra: Readonly<Record<string, string>>;
  readonly body: Body | undefined;
  readonly chunked: boolean;
}
function deeplyNested(depth: number, object: boolean): string {
  return object ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
function bodyArb(spec: RouteSpec | undefined): fc.Arbitrary<Body | undefined> {
  const schema = spec?.body && spec.body !== 'bytes' ? spec.body : undefined;
  const valid = schema ? schemaArb(schema, bodyOverrides) : fc.jsonValue({ maxDepth: 3 });
  const nearly = schema ? nearlySchemaArb(schema, bodyOverrides) : fc.jsonValue({ maxDepth: 3 });
  const json = (kind: string, arb: fc.Arbitrary<unknown>) =>
    arb.map((v) => ({ kind, text: JSON.stringify(v) ?? 'null' }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: json('valid JSON', valid) },
    { weight: 3, arbitrary: json('nearly valid JSON', nearly) },
    { weight: 1, arbitrary: json('random JSON', fc.jsonValue({ maxDepth: 4 })) },
    {
      weight: spec?.body === 'bytes' ? 4 : 1,
      arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ kind: 'random bytes', text: bytes })),
    },
    {
      weight: 1,
      arbitrary: json('', nearly).chain(({ text }) =>
        fc.nat(Math.max(text.length - 1, 0)).map((cut) => ({ kind: 'truncated JSON', text: text.slice(0, cut) })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean())
        .map(([depth, object]) => ({ kind: 'deeply nested JSON', text: deeplyNested(depth, object) })),
    },
  );
}

/**
 * A query value as text, whatever the nearly-right generator made: fast-check's dictionaries may have no prototype,
 * which String() cannot convert, and a value may hold a bigint, which JSON cannot.
 */
function asQueryText(x: unknown): string {
  if (x === null || typeof x !== 'object') return String(x);
  return JSON.stringify(x, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value)) ?? '';
}

function queryArb(spec: RouteSpec | undefined): fc.Arbitrary<string> {
  const shaped = spec?.query
    ? [nearlySchemaArb(spec.query), schemaArb(spec.query)].map((arb) =>
        arb.map((v) =>
          new URLSearchParams(
            Object.entries(v ?? {}).map(([k, x]): [string, string] => [k, asQueryText(x)]),
          ).toString(),
        ),
      )
    : [];
  return fc.oneof(fc.constant(''), fc.webQueryParameters(), ...shaped).map((q) => (q ? `?${q}` : ''));
}

/** A request aimed at one route of the table, sometimes with a valid key, sometimes with its method changed. */
const tableRequest: fc.Arbitrary<Generated> = fc.constantFrom(...ROUTE_NAMES).chain((name) => {
  const spec: RouteSpec = ROUTES[name];
  const params = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  const path = fc
    .tuple(...params.map((p) => segmentFor[p] ?? garbageSegment))
    .map((values) => values.reduce((out, value, i) => out.replace(`:${params[i]}`, value), spec.path));
  return fc.record({
    route: fc.constant(name),
    method: fc.oneof({ weight: 4, arbitrary: fc.constant(spec.method) }, { weight: 1, arbitrary: methods }),
    path: fc.tuple(path, queryArb(spec)).map(([p, q]) => p + q),
    authorization: fc.oneof(
      { weight: 3, arbitrary: fc.constant('valid') },
      {
        weight: 1,
        arbitrary: fc.option(
          fc.oneof(
            token.map((k) => `Bearer ${k}`),
            printable(60),
          ),
          { nil: undefined },
        ),
      },
    ),
    consoleKey: fc.oneof(
      { weight: 3, arbitrary: fc.constant('valid') },
      { weight: 1, arbitrary: fc.option(printable(60), { nil: undefined }) },
    ),
    contentType: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constant(spec.body === 'bytes' ? 'application/offset+octet-stream' : 'application/json'),
      },
      { weight: 1, arbitrary: fc.option(contentTypes, { nil: undefined }) },
    ),
    uploadOffset: fc.option(fc.oneof(fc.constant('0'), fc.nat(64).map(String), headerValue), { nil: undefined }),
    range: fc.option(
      fc.oneof(
        fc.nat(128).map((n) => `bytes=${n}-`),
        headerValue,
      ),
      { nil: undefined },
    ),
    extra: extraHeaders,
    body: bodyArb(spec),
    chunked: fc.boolean(),
  });
});

/** A request to anywhere: random paths, near-miss paths built from the table's own words. */
const words = [
  ...new Set(ROUTE_NAMES.flatMap((n) => ROUTES[n].path.split('/')).filter((w) => w && !w.startsWith(':'))),
];
const anyRequest: fc.Arbitrary<Generated> = fc.record({
  route: fc.constant('(none)') as fc.Arbitrary<string>,
  method: methods,
  path: fc
    .tuple(
      fc.oneof(
        fc.webPath(),
        fc.array(fc.oneof(fc.constantFrom(...words), garbageSegment), { maxLength: 5 }).map((s) => `/${s.join('/')}`),
      ),
      queryArb(undefined),
    )
    .map(([p, q]) => (p.startsWith('/') ? p : `/${p}`) + q),
  authorization: fc.option(fc.oneof(fc.constant('valid'), printable(60)), { nil: undefined }),
  consoleKey: fc.option(fc.oneof(fc.constant('valid'), printable(60)), { nil: undefined }),
  contentType: fc.option(contentTypes, { nil: undefined }),
  uploadOffset: fc.option(headerValue, { nil: undefined }),
  range: fc.option(headerValue, { nil: undefined }),
  extra: extraHeaders,
  body: bodyArb(undefined),
  chunked: fc.boolean(),
});

function toCall(g: Generated): RawCall {
  const headers: Record<string, string> = { ...g.extra };
  // 'valid' is the key the route takes: the app's as an authenticator, else the backup device's.
  const key = ROUTES[g.route as keyof typeof ROUTES]?.auth === 'authenticator' ? authenticatorKey : deviceKey;
  if (g.authorization !== undefined)
    headers.authorization = g.authorization === 'valid' ? `Bearer ${key}` : g.authorization;
  if (g.consoleKey !== undefined)
    headers['x-mbs-console-key'] = g.consoleKey === 'valid' ? t.server.consoleKey : g.consoleKey;
  if (g.contentType !== undefined) headers['content-type'] = g.contentType;
  if (g.uploadOffset !== undefined) headers['upload-offset'] = g.uploadOffset;
  if (g.range !== undefined) headers.range = g.range;
  return {
    method: g.method,
    path: g.path,
    headers,
    ...(g.body ? { body: g.body.text, chunked: g.chunked } : {}),
    timeoutMs: 5_000,
  };
}

describe('fuzzing every route', () => {
  it('answers garbage below 500, every error a catalogued { code, message } with its status', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 4, arbitrary: tableRequest }, { weight: 1, arbitrary: anyRequest }),
        async (g) => {
          const call = toCall(g);
          const answer = await rawRequest(t.server.url, call);
          if (answer.status >= 500) {
            throw new Error(`status ${answer.status}: ${answer.body.toString('utf8').slice(0, 300)}`);
          }
          // A HEAD answer has no body to check, by HTTP's rules.
          if (answer.status >= 400 && call.method !== 'HEAD') errorOf(answer);
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false },
    );
  });

  // A test of its own, so that it runs (and says whether the server survived) even when the property fails.
  it('still answers GET /v1/info afterwards', async () => {
    const info = await rawRequest(t.server.url, { method: 'GET', path: '/v1/info' });
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body.toString('utf8'))).toMatchObject({ protocol: 1, edition: 'pro' });
  });
});
