/**
 * Generated bad requests for the error check: aimed at the routes of protocol v1 (their method or another, real or
 * garbage ids, nearly valid, malformed or random bodies, odd headers) or at random paths. Credentials are used only
 * where they cannot disturb the checks that share the server: the check's own device key, and the console key on
 * routes outside 2FA and the conformance clock, never with the id of another check's device (a wrong one-time
 * password would throttle them).
 */
import fc from 'fast-check';
import { ROUTE_NAMES, ROUTES, type RouteName, type RouteSpec } from '../../spec/protocol/routes.js';
import { builtOnce } from './built-once.js';

export interface BadRequest {
  readonly route?: RouteName;
  readonly method: string;
  readonly path: string;
  readonly device: 'own' | 'garbage' | 'none';
  readonly console: 'valid' | 'garbage' | 'none';
  readonly contentType?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly chunked: boolean;
}

const printable = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });
const garbageSegment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%00', '%zz', '%', '%E2%82', 'a'.repeat(101), 'no-such-id', 'AbCdEfGh12345678'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.stringMatching(/^[0-9a-f]{64}$/),
);
/**
 * RFC 3986's characters of a path segment or a query, each sometimes percent-encoded from any code point, as
 * fast-check's webPath and webQueryParameters draw them. Those build, for their percent-encoding, a table of every
 * code point that stays for the rest of the run: about 1.3 s of CPU and 82 MB of the runner's heap, which every
 * later full garbage collection marks again.
 */
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const percentEncoded = fc
  .integer({ min: 0, max: 0x10ffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => {
    const char = String.fromCodePoint(code);
    const encoded = encodeURIComponent(char);
    return encoded !== char ? encoded : `%${code.toString(16)}`;
  });
const uriText = (others: string, maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...ALPHANUMERIC, ...others) },
      { weight: 1, arbitrary: percentEncoded },
    ),
    maxLength,
  });
const webPath = fc
  .array(uriText("-._~!$&'()*+,;=:@", 10), { maxLength: 5 })
  .map((segments) => segments.map((segment) => `/${segment}`).join(''));
const webQuery = uriText("-._~!$&'()*+,;=:@/?", 20);

const methods = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT') },
  { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'PROPFIND', 'SEARCH') },
);
const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/offset+octet-stream',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  ';;',
);
const extraHeaders = fc.dictionary(
  fc.constantFrom('upload-offset', 'range', 'expect', 'accept', 'content-encoding', 'if-none-match', 'x-junk'),
  fc.oneof(printable(40), fc.constantFrom('', '0', '-1', '99999999999999999999', 'bytes=5-', 'bytes=0-1')),
  { maxKeys: 3 },
);

/** Bodies that are wrong: not JSON, cut off, the wrong types, unknown keys, random bytes, deep nesting. */
function badBody(spec?: RouteSpec): fc.Arbitrary<string | undefined> {
  const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null');
  const keys =
    spec?.body && spec.body !== 'bytes' ? Object.keys((spec.body as { properties?: object }).properties ?? {}) : [];
  const nearly = fc
    .tuple(fc.constantFrom(...(keys.length > 0 ? keys : ['x'])), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
    .map(([key, value, extra]) => JSON.stringify(extra ? { [key]: value, unexpected: true } : { [key]: value }));
  return fc.oneof(
    fc.constant(undefined),
    json,
    nearly,
    json.chain((text) => fc.nat(Math.max(text.length - 1, 0)).map((cut) => text.slice(0, cut))),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.integer({ min: 100, max: 5000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  );
}

function makeRouteRequest(name: RouteName): fc.Arbitrary<BadRequest> {
  const spec: RouteSpec = ROUTES[name];
  const params = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
  const path = fc
    .tuple(fc.array(garbageSegment, { minLength: params.length, maxLength: params.length }), webQuery)
    .map(([values, query]) => {
      const filled = values.reduce((out, value, i) => out.replace(`:${params[i] as string}`, value), spec.path);
      return query ? `${filled}?${query}` : filled;
    });
  // A valid key on these could move another check's clock or 2FA state: they are asked without one.
  const guarded = spec.group === 'twoFactor' || spec.group === 'conformance';
  return fc.record({
    route: fc.constant(name),
    method: fc.oneof({ weight: 4, arbitrary: fc.constant(spec.method as string) }, { weight: 1, arbitrary: methods }),
    path,
    device: fc.constantFrom('own', 'garbage', 'none'),
    console: guarded ? fc.constantFrom('garbage', 'none') : fc.constantFrom('valid', 'garbage', 'none'),
    contentType: fc.option(contentTypes, { nil: undefined }),
    headers: extraHeaders,
    body: badBody(spec),
    chunked: fc.boolean(),
  }) as fc.Arbitrary<BadRequest>;
}

const words = [
  ...new Set(ROUTE_NAMES.flatMap((n) => ROUTES[n].path.split('/')).filter((w) => w && !w.startsWith(':'))),
];
const anywhere = (): fc.Arbitrary<BadRequest> =>
  fc.record({
    method: methods,
    path: fc
      .oneof(
        webPath,
        fc.array(fc.oneof(fc.constantFrom(...words), garbageSegment), { maxLength: 5 }).map((s) => s.join('/')),
      )
      .map((p) => (p.startsWith('/') ? p : `/${p}`)),
    device: fc.constantFrom('garbage', 'none'),
    console: fc.constantFrom('garbage', 'none'),
    contentType: fc.option(contentTypes, { nil: undefined }),
    headers: extraHeaders,
    body: badBody(),
    chunked: fc.boolean(),
  }) as fc.Arbitrary<BadRequest>;

/** A route's bad requests, built once per route rather than once per case. */
const routeRequest = builtOnce(makeRouteRequest);

let built: fc.Arbitrary<BadRequest> | undefined;
/** Any request a client could send: to a route of the table with something wrong, or to anywhere at all. */
export function badRequest(): fc.Arbitrary<BadRequest> {
  built ??= fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ROUTE_NAMES).chain(routeRequest) },
    { weight: 1, arbitrary: anywhere() },
  );
  return built;
}

/**
 * One body cut off mid-JSON, sent as JSON to every route that reads a JSON body, with the check's own device key
 * and the console key: a server whose JSON parser's failure escapes (a 5xx, or a framework's own body) shows it on
 * the first, where the generated requests reach a parser only now and then (a route's method, a JSON content type,
 * credentials and a malformed body, drawn together). A body that does not parse cannot be acted on, so the console
 * key goes to the 2FA and clock routes too, which the generated requests reach without it; the routes only an
 * authenticator's key opens answer their authentication first (PROTOCOL.md "Which error comes first").
 */
export function cutOffJsonBodies(): BadRequest[] {
  return ROUTE_NAMES.flatMap((name): BadRequest[] => {
    const spec: RouteSpec = ROUTES[name];
    if (!spec.body || spec.body === 'bytes') return [];
    return [
      {
        route: name,
        method: spec.method,
        path: spec.path.replace(/:[A-Za-z0-9_]+/g, 'no-such-id'),
        device: 'own',
        console: 'valid',
        contentType: 'application/json',
        headers: {},
        body: '{"name": "cut off',
        chunked: false,
      },
    ];
  });
}

/** Codes any route may answer: the request's shape, its authentication, or an edition without the route. */
export const GENERIC_CODES: ReadonlySet<string> = new Set([
  'invalid-json',
  'invalid-request',
  'invalid-name',
  'unsupported-media-type',
  'body-too-large',
  'route-not-found',
  'method-not-allowed',
  'expectation-failed',
  'device-unauthorized',
  'console-unauthorized',
  'authenticator-unauthorized',
  '2fa-not-supported',
]);
