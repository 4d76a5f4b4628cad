/**
 * Editions and their features (seed 000 §1.1, §2.6.1): every edition serves mobile backup; Pro and Lite serve 2FA,
 * Home refuses every 2FA route with `404 2fa-not-supported`, whoever asks and whatever the body. On Pro and Lite the
 * 2FA routes are only asked without credentials, so nothing here touches another check's 2FA state or throttling.
 */
import { skipUnless, type Check, type CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { EDITIONS, type Edition } from '../../spec/editions.js';
import { ROUTE_NAMES, ROUTES, type RouteSpec } from '../../spec/protocol/routes.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { errorBodyProblem, errorCodeOf, rawRequest } from '../../kit/raw-http.js';
import { identity, pairDevice, refused, removeQuietly } from '../../kit/server-support.js';
import { within } from '../../kit/violation.js';

const TWO_FACTOR_ROUTES = ROUTE_NAMES.filter((name) => ROUTES[name].group === 'twoFactor');

function pathOf(spec: RouteSpec): string {
  return spec.path.replace(/:[A-Za-z0-9_]+/g, 'AbCdEfGh12345678');
}

/** Bodies that would pass a schema on a server that had the route: Home must refuse them all the same. */
const WELL_FORMED: Partial<Record<string, unknown>> = {
  registerAuthenticator: {
    registrationToken: 'AbCdEfGh12345678AbCd',
    name: 'Pixel 7',
    platform: 'android',
    installId: 'install-0001',
  },
  registerBySecret: {
    username: 'admin',
    secret: 'JBSWY3DPEHPK3PXP',
    code: '123456',
    name: 'Pixel 7',
    platform: 'android',
    installId: 'install-0002',
  },
  createRegistration: {},
};

/** Mobile backup is offered: the pairing route is there, and with a console key a device pairs and backs up. */
async function servesMobileBackup(session: TargetSession): Promise<void> {
  const anonymous = new MbsClient({ baseUrl: session.url });
  const device = identity('Edition probe', 'android');
  const call = anonymous.call('pair', { body: { token: 'AbCdEfGh12345678AbCd', edition: session.edition, device } });
  await refused(call, ['pairing-token-invalid'], 'pairing with an unknown token');
  if (!session.console) return;
  const paired = await pairDevice(session, 'Edition probe');
  try {
    await paired.client.call('startBackup', { body: {} }).catch((error: unknown) => {
      throw new Error(`a device paired here could not start a backup: ${String(error)}`, { cause: error });
    });
  } finally {
    await removeQuietly(session, [paired.deviceId]);
  }
}

async function twoFactorRoutes(session: TargetSession, offered: boolean): Promise<void> {
  const consoleKey = session.console?.consoleKey;
  for (const name of TWO_FACTOR_ROUTES) {
    const spec: RouteSpec = ROUTES[name];
    // Credentials only where the route cannot exist (Home): there they must make no difference.
    const keys = !offered && consoleKey ? [undefined, consoleKey] : [undefined];
    for (const key of keys) {
      const body = spec.body === undefined ? undefined : JSON.stringify(offered ? {} : (WELL_FORMED[name] ?? {}));
      const answer = await rawRequest(session.url, {
        method: spec.method,
        path: pathOf(spec),
        headers: {
          ...(key ? { 'x-mbs-console-key': key } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body } : {}),
      });
      const problem = errorBodyProblem(answer);
      const code = errorCodeOf(answer);
      const what = `${spec.method} ${pathOf(spec)}${key ? ' with the console key' : ''}`;
      if (problem) throw new Error(`${what}: ${problem}`);
      if (!offered && (answer.status !== 404 || code !== '2fa-not-supported')) {
        throw new Error(`${what} on a Home server answered ${answer.status} ${code ?? ''}, not 404 2fa-not-supported`);
      }
      if (offered && (code === '2fa-not-supported' || code === 'route-not-found')) {
        throw new Error(`${what} answered ${code}: this edition offers 2FA`);
      }
    }
  }
}

async function verifyEdition(edition: Edition, { session }: CheckContext): Promise<void> {
  const info = await new MbsClient({ baseUrl: session.url }).call('getInfo');
  const offered = EDITIONS[edition].twoFactor;
  if (info.edition !== edition || info.twoFactor !== offered) {
    throw new Error(`the server says edition ${info.edition}, twoFactor ${info.twoFactor}`);
  }
  // Home's two rules apart: mobile backup offered (EDN-03), 2FA refused (EDN-04); Pro and Lite each have one.
  const [backupRule, twoFactorRule = backupRule] = FEATURES[edition];
  await within([backupRule as string], () => servesMobileBackup(session));
  await within([twoFactorRule as string], () => twoFactorRoutes(session, offered));
}

const FEATURES: Record<Edition, readonly string[]> = {
  pro: ['EDN-01'],
  lite: ['EDN-02'],
  home: ['EDN-03', 'EDN-04'],
};

function editionFeaturesCheck(edition: Edition): Check {
  const { label, twoFactor } = EDITIONS[edition];
  return {
    id: `editions-${edition}-features`,
    title: `${label} serves mobile backup${twoFactor ? ' and 2FA' : ' and refuses every 2FA route'}`,
    area: 'EDN',
    requirements: FEATURES[edition],
    scope: 'server',
    applies: (column) =>
      skipUnless(column.edition === edition, `the ${label} features are checked on a ${label} server`),
    run: (context) => checkOnce(() => verifyEdition(edition, context)),
  };
}

export const editionFeatureChecks: readonly Check[] = (['pro', 'lite', 'home'] as const).map(editionFeaturesCheck);
