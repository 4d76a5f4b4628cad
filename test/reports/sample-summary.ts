/**
 * A realistic Summary for the report tests: every catalogued requirement, seven checks over four columns (two device
 * profiles on Pro and Home) with pass, fail, advisory, error, skipped and untested results, a model-based failure
 * with its shrunk command list and replay command, a failure an expected-failures baseline lists, a kit exception,
 * and hostile strings (`</script>`, `]]>`, `&`, control characters, a lone surrogate, emoji) wherever a run could put
 * text. Its cells are made up; everything judged from them is the runner's own derivation, as in a real run.
 */
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import {
  SUMMARY_SCHEMA_VERSION,
  type Cell,
  type CheckResult,
  type Exchange,
  type Failure,
  type RequirementResult,
  type Summary,
  type Verdict,
} from '../../conformance/runner/summary-schema.js';
import { deviceVerdicts, verdictFields } from '../../conformance/runner/summary-verdicts.js';
import { requirementVerdicts } from '../../conformance/runner/verdicts.js';

export const HOSTILE = {
  script: '</script><script>window.pwned = true; alert("pwned")</script><!--',
  markup: '<img src=x onerror="window.pwned=true"> & <b>bold</b> &amp; &lt;',
  cdata: 'end of CDATA: ]]> and again ]]]]>',
  control: 'bell\u0007 nul\u0000 esc\u001b[31m vt\u000b ff\u000c del\u007f',
  emoji: 'battery 🔋 low 🪫 flag 🏳️‍🌈',
  loneSurrogate: 'half a pair: \ud83d.',
  quotes: `"double" 'single' \`back\``,
} as const;

export const COLUMNS = ['redmi-note-8 @ pro', 'iphone-13 @ pro', 'redmi-note-8 @ home', 'iphone-13 @ home'] as const;
type Column = (typeof COLUMNS)[number];

export const SEED = 1_234_567;
const STARTED_AT = '2025-07-07T14:22:35.000Z';
export const BATTERY_REPLAY =
  "mbsc run --requirements RUN-03,RUN-04,RUN-06 --devices iphone-13 --seed 1702418734 --replay '5:2:0:1'";
export const BATTERY_COMMANDS = [
  'setPowerSaving(true)',
  'setBattery(31)',
  'startBackup()',
  'setBattery(29)',
  'advanceTime(60 s)',
  'expectHeld("battery below 30%") → backup still running',
];

const profileOf = (column: Column) => column.split(' @ ')[0] ?? column;
const editionOf = (column: Column) => column.split(' @ ')[1] ?? column;
const isIos = (column: Column) => column.startsWith('iphone');
const isHome = (column: Column) => column.endsWith('home');

function cell(column: Column, verdict: Verdict, extra: Partial<Cell> = {}, index = 0): Cell {
  return {
    column,
    profile: profileOf(column),
    edition: editionOf(column),
    startedAt: new Date(Date.parse(STARTED_AT) + 1000 + index * 1500).toISOString(),
    verdict,
    durationMs: verdict === 'skipped' ? 0 : 1234.5,
    runs: verdict === 'skipped' ? 0 : 100,
    ...extra,
  };
}

function check(
  checkId: string,
  title: string,
  area: string,
  each: (c: Column) => Partial<Cell> & { verdict: Verdict },
) {
  return {
    checkId,
    title,
    area,
    cells: COLUMNS.map((column, i) => {
      const { verdict, ...extra } = each(column);
      return cell(column, verdict, extra, i);
    }),
  } satisfies CheckResult;
}

const NO_2FA = '2FA exists on Pro and Lite only; Home has none.';

/** A 2×1 PNG, as a screens check's failure carries its screenshot. */
export const SCREENSHOT_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4AWM8AQQMQAAAFGIDIj3bh7EAAAAASUVORK5CYII=';
export const PAGE_SOURCE = `<hierarchy><node resource-id="backup-status" text="Backing up ${HOSTILE.cdata}"/></hierarchy>`;

const batteryFailure: Failure = {
  message: 'Backup kept running at 29% battery with power saving on; expected it held (RUN-03).',
  counterexample: '[setPowerSaving(true), setBattery(31), startBackup(), setBattery(29), advanceTime(60 s)]',
  commands: BATTERY_COMMANDS,
  seed: 1702418734,
  path: '5:2:0:1',
  replayCommand: BATTERY_REPLAY,
  screen: { screenshot: SCREENSHOT_PNG, pageSource: PAGE_SOURCE },
};

/** The exchanges of a one-shot failure, as the runner records them: secrets masked, a hostile name in a body. */
export const RESUME_EXCHANGES: Exchange[] = [
  {
    method: 'POST',
    path: '/v1/console/pairings',
    status: 201,
    requestHeaders: { 'x-mbs-console-key': '[masked: 43 chars]', 'content-type': 'application/json' },
    requestBody: '{"mode":"add"}',
    responseHeaders: { 'content-type': 'application/json; charset=utf-8' },
    responseBody: '{"token":"[masked: 20 chars]","mode":"add"}',
  },
  {
    method: 'POST',
    path: '/v1/uploads',
    status: 200,
    requestHeaders: { authorization: 'Bearer [masked: 43 chars]', 'content-type': 'application/json' },
    requestBody: `{"sha256":"ab12","size":3,"meta":{"name":"${HOSTILE.script} ${HOSTILE.cdata}"}}`,
    responseBody: '{"status":"created","upload":{"uploadId":"u1","offset":0}}',
  },
  { method: 'GET', path: '/v1/items', error: 'connect ECONNREFUSED 127.0.0.1:50000', requestHeaders: {} },
];

export const KIT_ERROR_REASON =
  "kit error (the kit's own fault, not the target's): TypeError: Cannot read properties of undefined (reading 'requestId')";
const kitError: Failure = {
  message: `${KIT_ERROR_REASON}\n    at approve (conformance/suites/push/expiry.ts:42:17)`,
  replayCommand: 'mbsc run --checks push.expiry --profiles redmi-note-8 --editions pro --seed 1234567',
};

const hostileFailure: Failure = {
  message: `Resume sent a file twice. ${HOSTILE.script} ${HOSTILE.cdata}\nsecond line: ${HOSTILE.control}`,
  counterexample: `{ name: "${HOSTILE.markup}", note: "${HOSTILE.emoji} ${HOSTILE.loneSurrogate}" }`,
  commands: ['addMedia("IMG_0001.JPG")', `addMedia("${HOSTILE.quotes}")`, 'startBackup()', 'dropNetwork()', 'resume()'],
  exchanges: RESUME_EXCHANGES,
  earlierExchanges: 4,
  seed: -42,
  path: '0:0',
  replayCommand: `mbsc run --requirements BAK-02 --seed -42 --replay '0:0' # ${HOSTILE.script}`,
};

export const CHECKS: readonly CheckResult[] = [
  check('pair.qr-pairing', 'Pairing by QR code', 'PAIR', () => ({ verdict: 'pass' })),
  check('run.battery-thresholds', 'Battery thresholds with power saving on', 'RUN', (c) =>
    c === 'iphone-13 @ pro' ? { verdict: 'fail', failure: batteryFailure } : { verdict: 'pass' },
  ),
  check('bak.resume', `Resume after a dropped network <drop> & "reconnect" ${HOSTILE.emoji}`, 'BAK', (c) =>
    c === 'redmi-note-8 @ home' ? { verdict: 'fail', failure: hostileFailure } : { verdict: 'pass' },
  ),
  check('bak.incremental', 'A later backup sends only new items', 'BAK', (c) =>
    c === 'redmi-note-8 @ pro'
      ? {
          verdict: 'fail',
          failure: {
            message: 'The second backup re-sent 3 items the server already held.',
            seed: 99,
            path: '1',
            replayCommand: "mbsc run --requirements BAK-07 --seed 99 --replay '1'",
          },
        }
      : { verdict: 'pass' },
  ),
  check('totp.rfc6238', 'One-time passwords against RFC 6238', 'TOTP', (c) =>
    isHome(c)
      ? { verdict: 'skipped', reason: NO_2FA }
      : {
          verdict: 'advisory',
          failure: {
            message: 'The server accepted a one-time password from two steps back (RFC 6238 §5.2 allows one).',
            requirements: ['TOTP-14', 'TOTP-15'],
            counterexample: 'code 492039 of T=1751898095, accepted at T=1751898155',
            seed: 7,
            replayCommand: "mbsc run --requirements TOTP-15 --seed 7 --replay '0'",
          },
        },
  ),
  check('ftype.documents', 'Documents are backed up on Android', 'FTYPE', (c) =>
    isIos(c)
      ? { verdict: 'skipped', reason: `Documents are an Android-only source (seed §2.6.2). ${HOSTILE.markup}` }
      : { verdict: 'pass' },
  ),
  check('push.expiry', 'Push requests expire after 5 minutes; Resend voids', 'PUSH', (c) =>
    isHome(c)
      ? { verdict: 'skipped', reason: NO_2FA }
      : c === 'redmi-note-8 @ pro'
        ? { verdict: 'error', reason: KIT_ERROR_REASON, failure: kitError }
        : { verdict: 'pass' },
  ),
];

/** Which checks cover which requirement (the runner's tagging). */
export const COVERAGE: Readonly<Record<string, readonly string[]>> = {
  'PAIR-01': ['pair.qr-pairing'],
  'PAIR-02': ['pair.qr-pairing'],
  'RUN-03': ['run.battery-thresholds'],
  'RUN-04': ['run.battery-thresholds'],
  'RUN-06': ['run.battery-thresholds'],
  'BAK-02': ['bak.resume'],
  'BAK-03': ['bak.resume'],
  'BAK-07': ['bak.incremental'],
  'TOTP-02': ['totp.rfc6238'],
  'TOTP-14': ['totp.rfc6238'],
  'TOTP-15': ['totp.rfc6238'],
  'FTYPE-03': ['ftype.documents'],
  'PUSH-04': ['push.expiry'],
  'PUSH-07': ['push.expiry'],
};

/** The expected-failures baseline: BAK-07 fails and is listed; PAIR-02 is listed and passed this time. */
export const BASELINE = ['BAK-07', 'PAIR-02'];
const SKIPPED_AREA = 'LOG';
const SKIPPED_REASON = 'The app log is read only through a WebDriver session; this target has none.';
const UNTESTED_REASON = 'No suite covers this requirement yet.';

export function sampleSummary(overrides: Partial<Summary> = {}): Summary {
  const coverage = new Map(Object.entries(COVERAGE));
  const checks = structuredClone([...CHECKS]);
  const judged = requirementVerdicts(REQUIREMENTS, checks, coverage, { expectedFailures: new Set(BASELINE) });
  // Two stand-ins the kit's own catalogue cannot give: an area skipped as a whole, and a plain untested reason.
  const requirements = judged.map((r): RequirementResult => {
    if (r.id.startsWith(`${SKIPPED_AREA}-`)) return { ...r, verdict: 'skipped', reason: SKIPPED_REASON };
    return r.verdict === 'untested' && r.checks.length === 0 ? { ...r, reason: UNTESTED_REASON } : r;
  });
  const covering = [...new Set(Object.values(COVERAGE).flat())].map((id) => ({
    id,
    requirements: Object.keys(COVERAGE).filter((r) => COVERAGE[r]?.includes(id)),
  }));
  const { verdict, reason, ...fields } = verdictFields(requirements, { checks: covering.length });
  const profiles = [
    { id: 'redmi-note-8', platform: 'android', osVersion: '9' },
    { id: 'iphone-13', platform: 'ios', osVersion: '17.5' },
  ];
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    verdict,
    ...(reason !== undefined ? { reason } : {}),
    kitVersion: '0.1.0',
    target: {
      kind: 'reference',
      editions: ['pro', 'home'],
      description: `Reference MBS, in process, with simulated devices ${HOSTILE.script}`,
    },
    seed: SEED,
    startedAt: STARTED_AT,
    durationMs: 48_213,
    command: `mbsc run --seed ${SEED} --devices devices/matrix.default.json --expected-failures baseline.json`,
    ...fields,
    checks,
    devices: deviceVerdicts(profiles, checks, covering, REQUIREMENTS),
    columns: [...COLUMNS],
    reporterErrors: [],
    ...overrides,
  };
}
