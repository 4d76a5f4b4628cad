/**
 * Every check of the kit, gathered from the areas (one folder each; its index.ts lists its checks, its area.ts
 * declares what they cover). A run runs the server's checks first, then the app model's, then two-factor's, then
 * the checks through the screens (tag `ui`), each group in the order of AREAS below.
 */
import type { AreaSuite } from '../kit/area.js';
import type { Check } from '../kit/check.js';
import { suite as appLog } from './app-log/index.js';
import { suite as backup } from './backup/index.js';
import { suite as desktopConsole } from './desktop-console/index.js';
import { suite as editions } from './editions/index.js';
import { suite as freeUpSpace } from './free-up-space/index.js';
import { suite as migration } from './migration/index.js';
import { suite as network } from './network/index.js';
import { suite as osLimitations } from './os-limitations/index.js';
import { suite as pairing } from './pairing/index.js';
import { suite as platforms } from './platforms/index.js';
import { suite as protocol } from './protocol/index.js';
import { suite as restore } from './restore/index.js';
import { suite as runConditions } from './run-conditions/index.js';
import { suite as settings } from './settings/index.js';
import { suite as sources } from './sources/index.js';
import { suite as storage } from './storage/index.js';
import { TWO_FACTOR_AREAS } from './two-factor/index.js';

export const AREAS: readonly AreaSuite[] = [
  network,
  editions,
  pairing,
  migration,
  protocol,
  storage,
  runConditions,
  platforms,
  sources,
  osLimitations,
  backup,
  freeUpSpace,
  restore,
  settings,
  appLog,
  ...TWO_FACTOR_AREAS,
  desktopConsole,
];

const isUi = (c: Check) => c.tags?.includes('ui') === true;
const isTwoFactor = (c: Check) => c.tags?.includes('2fa') === true;
const group = (c: Check) => (isUi(c) ? 3 : isTwoFactor(c) ? 2 : c.scope === 'server' ? 0 : 1);

const inAreaOrder = AREAS.flatMap((a) => a.checks);
export const ALL_CHECKS: readonly Check[] = [0, 1, 2, 3].flatMap((g) => inAreaOrder.filter((c) => group(c) === g));

/** The server's checks outside two-factor: the protocol, pairing, storage, ports. */
export const SERVER_CHECKS: readonly Check[] = ALL_CHECKS.filter((c) => group(c) === 0);
/** The app model's checks in process, outside two-factor. */
export const DEVICE_CHECKS: readonly Check[] = ALL_CHECKS.filter((c) => group(c) === 1);
/** Every two-factor check but those through the screens: the server's side, then the app's. */
export const TWO_FACTOR_CHECKS: readonly Check[] = ALL_CHECKS.filter((c) => group(c) === 2);
/** The checks through the app's screens: how the app is judged over WebDriver. */
export const UI_CHECKS: readonly Check[] = ALL_CHECKS.filter((c) => group(c) === 3);

const ids = ALL_CHECKS.map((c) => c.id);
const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
if (twice.length > 0) throw new Error(`Check ids must be unique: ${[...new Set(twice)].join(', ')}`);
