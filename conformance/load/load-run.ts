/**
 * A load run: N simulated phones against one server for a bounded time. Each phone starts at its place in the ramp,
 * pairs, backs up, registers for 2FA where the server offers it, then alternates restore and backup with a pause
 * drawn from the seed between them. Logins are the desktop's: a desktop program logs in once per session, so the
 * desktop side starts one login at a steady pace (`loginEveryMs`), by push or one-time password, each approved by the
 * next registered phone, whatever the number of phones. No operation starts after the run's duration; those under
 * way may finish within a grace period, after which the run stops and counts the phones it left unfinished.
 */
import { randomBytes } from 'node:crypto';
import type { Edition } from '../spec/editions.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { LoadPhone } from './load-phone.js';
import type { LoadOperation, LoadPlan } from './load-plan.js';
import { LoadRecorder } from './load-recorder.js';
import type { LoadReport } from './load-report.js';
import { runEnd, sleep, type RunEnd } from './run-end.js';
import { seededRandom } from './seeded-random.js';

export interface LoadProgress {
  readonly elapsedMs: number;
  readonly durationMs: number;
  readonly started: number;
  readonly paired: number;
  readonly devices: number;
  readonly operations: { readonly done: number; readonly errors: number };
  readonly requests: { readonly done: number; readonly errors: number };
  /** p99 of the requests that began in the last few seconds. */
  readonly recentP99Ms: number;
}

export interface LoadHooks {
  onProgress?(progress: LoadProgress): void;
  readonly progressEveryMs?: number;
  /** Aborting stops new operations at once, as reaching the duration does. */
  readonly signal?: AbortSignal;
}

/** After the duration, operations under way get at most this long to finish. */
const MAX_GRACE_MS = 30_000;
const RECENT_MS = 5_000;

interface ServerFacts {
  readonly report: LoadReport['server'];
  readonly logins: boolean;
  readonly notes: string[];
}

export async function runLoad(plan: LoadPlan, hooks: LoadHooks = {}): Promise<LoadReport> {
  const facts = await meetServer(plan);
  const startedAt = new Date();
  const cpuStart = process.cpuUsage();
  const recorder = new LoadRecorder();
  const runId = `load-${randomBytes(6).toString('base64url')}`;
  const ctx = { plan, edition: facts.report.edition as Edition, recorder, runId };
  const tally = { started: 0, paired: 0, registered: 0, busy: 0 };
  const end = runEnd(() => recorder.elapsed(), plan.durationMs, hooks.signal);
  const over = end.over;
  const progress = () =>
    hooks.onProgress?.({
      elapsedMs: recorder.elapsed(),
      durationMs: plan.durationMs,
      started: tally.started,
      paired: tally.paired,
      devices: plan.devices,
      operations: recorder.count('operation'),
      requests: recorder.count('request'),
      recentP99Ms: recorder.stats('request', recorder.elapsed() - RECENT_MS)['overall']?.p99Ms ?? 0,
    });
  const ticker = setInterval(progress, hooks.progressEveryMs ?? 1000);

  const step: Step = async (operation, phone) => {
    tally.busy++;
    try {
      await recorder.time('operation', operation, () => run(phone, operation));
      return true;
    } catch {
      return false;
    } finally {
      tally.busy--;
    }
  };
  const phones: LoadPhone[] = [];
  const authenticators: LoadPhone[] = [];
  const lives = Array.from({ length: plan.devices }, async (_, index) => {
    const random = seededRandom(plan.seed * 1_000_003 + index);
    const phone = new LoadPhone(index, ctx);
    phones.push(phone);
    await end.pause((plan.rampMs * index) / plan.devices);
    if (over()) return;
    tally.started++;
    if (!(await step('pair', phone))) return;
    tally.paired++;
    await step('backup', phone);
    if (facts.logins && !over() && (await step('register2fa', phone))) {
      tally.registered++;
      authenticators.push(phone);
    }
    for (let turn = 0; ; turn++) {
      await end.pause(plan.thinkMs * (0.5 + random()));
      if (over()) return;
      await step(nextOperation(turn, phone), phone);
    }
  });
  const desktop = facts.logins ? desktopLogins(plan, authenticators, step, end) : Promise.resolve();

  const finished = Promise.all([...lives, desktop]);
  await Promise.race([finished, end.reached]);
  const grace = Math.min(MAX_GRACE_MS, plan.requestTimeoutMs);
  const settled = await Promise.race([finished.then(() => true), sleep(grace).then(() => false)]);
  clearInterval(ticker);
  progress();
  const wallMs = recorder.elapsed();
  const cpu = process.cpuUsage(cpuStart);
  const report = summarise(plan, facts, recorder, {
    startedAt,
    wallMs,
    cpu,
    tally,
    unfinished: settled ? 0 : tally.busy,
  });
  for (const phone of phones) phone.close();
  return report;
}

type Step = (operation: LoadOperation, phone: LoadPhone) => Promise<boolean>;

/** The order of a phone's own operations after its first backup: restore and backup in turn. */
function nextOperation(turn: number, phone: LoadPhone): LoadOperation {
  // A phone whose backups all failed has nothing to restore: it backs up again, as its app would.
  return turn % 2 === 0 && phone.restorable ? 'restore' : 'backup';
}

/**
 * The desktop side's logins: one started every `loginEveryMs` (not waiting for the last to finish, as sessions
 * do not), by push and by one-time password in turn, each approved by the next registered phone that is not
 * already approving one. A phone shows one one-time password per 30 s step: one whose last is still current
 * approves by push instead.
 */
async function desktopLogins(
  plan: LoadPlan,
  authenticators: readonly LoadPhone[],
  step: Step,
  end: RunEnd,
): Promise<void> {
  const approving = new Set<LoadPhone>();
  const logins: Promise<unknown>[] = [];
  let next = 0;
  for (let turn = 0; ; turn++) {
    await end.pause(plan.loginEveryMs);
    if (end.over()) break;
    const phone = nextFree(authenticators, approving, next);
    if (!phone) continue;
    next = authenticators.indexOf(phone) + 1;
    const kind: LoadOperation = turn % 2 === 1 && phone.otpReady() ? 'login-otp' : 'login-push';
    approving.add(phone);
    logins.push(step(kind, phone).finally(() => approving.delete(phone)));
  }
  await Promise.all(logins);
}

function nextFree(phones: readonly LoadPhone[], busy: ReadonlySet<LoadPhone>, from: number): LoadPhone | undefined {
  for (let i = 0; i < phones.length; i++) {
    const phone = phones[(from + i) % phones.length] as LoadPhone;
    if (!busy.has(phone)) return phone;
  }
  return undefined;
}

function run(phone: LoadPhone, operation: LoadOperation): Promise<void> {
  switch (operation) {
    case 'pair':
      return phone.pair();
    case 'backup':
      return phone.backup();
    case 'restore':
      return phone.restore();
    case 'register2fa':
      return phone.register();
    case 'login-push':
      return phone.loginByPush();
    case 'login-otp':
      return phone.loginByOtp();
  }
}

/**
 * What the server is, and whether logins can run: GET /v1/info says whether it offers 2FA; the console key is
 * tried before any phone starts, so a wrong one is one clear error instead of a thousand failed pairings.
 */
async function meetServer(plan: LoadPlan): Promise<ServerFacts> {
  const desktop = new MbsClient({
    baseUrl: plan.server,
    consoleKey: plan.consoleKey,
    timeoutMs: plan.requestTimeoutMs,
  });
  const info = await desktop.call('getInfo');
  await desktop.call('listDevices');
  const notes: string[] = [];
  let logins = info.twoFactor;
  if (!info.twoFactor) notes.push(`no logins: the ${info.edition} edition ${info.desktopVersion} offers no 2FA`);
  else {
    const settings = await desktop.call('getTwoFactor');
    if (settings.passwordLock.set && plan.password === undefined) {
      logins = false;
      notes.push('no logins: the server has a password lock and no --password was given');
    }
  }
  const server = {
    url: plan.server,
    name: info.name,
    edition: info.edition,
    desktopVersion: info.desktopVersion,
    twoFactor: info.twoFactor,
  };
  return { report: server, logins, notes };
}

function summarise(
  plan: LoadPlan,
  facts: ServerFacts,
  recorder: LoadRecorder,
  end: {
    startedAt: Date;
    wallMs: number;
    cpu: NodeJS.CpuUsage;
    tally: { started: number; paired: number; registered: number };
    unfinished: number;
  },
): LoadReport {
  const bucketMs = Math.max(100, Math.ceil(plan.durationMs / 100 / 100) * 100);
  const seconds = Math.max(end.wallMs, 1) / 1000;
  const operations = recorder.stats('operation');
  const requests = recorder.stats('request');
  const notes = [...facts.notes];
  if (end.unfinished > 0) notes.push(`${end.unfinished} phone(s) were still inside an operation at the hard stop`);
  return {
    version: 1,
    startedAt: end.startedAt.toISOString(),
    server: facts.report,
    plan: {
      devices: plan.devices,
      durationMs: plan.durationMs,
      rampMs: plan.rampMs,
      thinkMs: plan.thinkMs,
      loginEveryMs: plan.loginEveryMs,
      items: plan.items,
      itemBytes: plan.itemBytes,
      seed: plan.seed,
    },
    phones: {
      started: end.tally.started,
      paired: end.tally.paired,
      registered: end.tally.registered,
      unfinished: end.unfinished,
    },
    operations,
    requests,
    errors: { operations: recorder.errorsByCode('operation'), requests: recorder.errorsByCode('request') },
    throughput: {
      operationsPerSecond: round((operations['overall']?.count ?? 0) / seconds),
      requestsPerSecond: round((requests['overall']?.count ?? 0) / seconds),
    },
    timeline: {
      bucketMs,
      requests: recorder.timeline('request', bucketMs),
      operations: recorder.timeline('operation', bucketMs),
    },
    cost: {
      wallMs: Math.round(end.wallMs),
      cpuUserMs: Math.round(end.cpu.user / 1000),
      cpuSystemMs: Math.round(end.cpu.system / 1000),
    },
    notes,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
