/**
 * PROTOCOL.md "Conventions": requests are validated strictly, and a refused request changes nothing. A property over
 * every route of the protocol table with a JSON body: a body valid by the route's schema but for one key the schema
 * does not know, or one value of another JSON type, sent with valid credentials and well-formed ids, is
 * `400 invalid-request` (a name of the wrong type may be `invalid-name`), before any record is looked up, and
 * leaves the devices, the items and the 2FA settings as they were. Ignoring the key or converting the value passes
 * a request the protocol refuses.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { errorCodeOf, rawRequest } from '../../kit/raw-http.js';
import { brokenValue, holdsName, validValue, type Broken } from '../../kit/schema-values.js';
import { pairDevice, removeQuietly } from '../../kit/server-support.js';
import { EDITIONS } from '../../spec/editions.js';
import { SAFE_NAME_PATTERN } from '../../spec/protocol/common.js';
import { ROUTE_NAMES, ROUTES, type RouteName } from '../../spec/protocol/routes.js';
import type { RouteSpec } from '../../spec/protocol/route-spec.js';
import { listAllItems } from '../../../simulators/mbs-client/listing-pages.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { registerByQr } from '../two-factor/common/actors.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import { builtOnce } from './built-once.js';

/**
 * The routes that take a JSON body; those of 2FA only where the edition has it (elsewhere they answer 404 first).
 * Not the conformance clock's: off, they refuse before reading the body, and on, the clock is shared with every
 * check of the run (protocol-conformance-clock judges those routes).
 */
const jsonRoutes = (twoFactor: boolean): RouteName[] =>
  ROUTE_NAMES.filter((name) => {
    const spec: RouteSpec = ROUTES[name];
    if (spec.body === undefined || spec.body === 'bytes' || spec.group === 'conformance') return false;
    return twoFactor || spec.group !== 'twoFactor';
  });

interface Case {
  readonly route: RouteName;
  readonly path: string;
  readonly broken: Broken;
}

function makeCaseOf(route: RouteName): fc.Arbitrary<Case> {
  const spec: RouteSpec = ROUTES[route];
  const params = spec.params ? validValue(spec.params) : fc.constant({});
  const body = spec.body !== undefined && spec.body !== 'bytes' ? spec.body : undefined;
  if (!body) throw new Error(`${route} takes no JSON body`);
  return fc
    .tuple(
      params,
      validValue(body).chain((valid) => brokenValue(body, valid)),
    )
    .map(([values, broken]) => ({
      route,
      path: spec.path.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) =>
        encodeURIComponent(String((values as Record<string, unknown>)[key])),
      ),
      broken,
    }));
}

/** A route's cases, built once per route rather than once per case. */
const caseOf = builtOnce(makeCaseOf);

/** What a refused request must leave as it was: the devices, this device's items, the 2FA settings. */
async function records(desk: MbsClient, device: MbsClient, twoFactor: boolean): Promise<string> {
  const devices = (await desk.call('listDevices')).devices.map((d) => `${d.deviceId}:${d.name}`).sort();
  const items = (await listAllItems(device)).map((i) => i.sha256);
  const settings = twoFactor ? await desk.call('getTwoFactor') : undefined;
  return JSON.stringify({ devices, items, settings });
}

export const strictBodiesCheck: Check = {
  id: 'protocol-strict-bodies',
  title: 'A JSON body with an unknown key or a value of the wrong type is 400 invalid-request, on every route',
  area: 'NET',
  requirements: ['NET-12'],
  scope: 'server',
  // It registers an authenticator for the authenticator routes, which turns 2FA on for the whole server.
  exclusive: true,
  tags: ['2fa'],
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const twoFactor = EDITIONS[context.column.edition].twoFactor;
    const paired = await pairDevice(session, 'Strict body probe');
    const probe = async (desk: MbsClient, authenticatorKey: string | undefined) => {
      const keys = {
        none: {},
        device: { authorization: `Bearer ${paired.client.deviceKey ?? ''}` },
        console: { 'x-mbs-console-key': session.console?.consoleKey ?? '' },
        authenticator: { authorization: `Bearer ${authenticatorKey ?? ''}` },
      };
      // The records as the last case read them after its refused request, when they had not changed: nothing else
      // runs beside this check (exclusive), so they are the records before the next case, and reading them again
      // asked the same question twice. Any case that fails forgets them, so its successor reads them afresh.
      let lastRead: string | undefined;
      const property = fc.asyncProperty(fc.constantFrom(...jsonRoutes(twoFactor)).chain(caseOf), async (c) => {
        const spec: RouteSpec = ROUTES[c.route];
        const before = lastRead ?? (await records(desk, paired.client, twoFactor));
        lastRead = undefined;
        const answer = await rawRequest(session.url, {
          method: spec.method,
          path: c.path,
          headers: { ...keys[spec.auth], 'content-type': 'application/json' },
          body: JSON.stringify(c.broken.body),
        });
        const code = errorCodeOf(answer);
        const allowed = holdsName(c.broken, SAFE_NAME_PATTERN)
          ? ['invalid-request', 'invalid-name']
          : ['invalid-request'];
        if (answer.status !== 400 || !allowed.includes(code ?? '')) {
          throw new Error(
            `${spec.method} ${c.path} with ${c.broken.what}: answered ${answer.status} ${code ?? ''}, expected 400 ${allowed.join(' or ')}`,
          );
        }
        const after = await records(desk, paired.client, twoFactor);
        if (after !== before)
          throw new Error(`${spec.method} ${c.path} with ${c.broken.what}: refused, yet records changed`);
        lastRead = after;
      });
      return checkProperty(property, context);
    };
    try {
      if (!twoFactor) return await probe(session.console as MbsClient, undefined);
      return await withTwoFactor(context, async (desk) => {
        const authenticator = await registerByQr(desk, session.url, 'Strict body app');
        return probe(desk, authenticator.client.authenticatorKey);
      });
    } finally {
      await removeQuietly(session, [paired.deviceId]);
    }
  },
};
