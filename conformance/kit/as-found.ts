/**
 * A server the kit did not start (a vendor's, perhaps one its owner logs in to) is left as the cell found it. Every
 * successful call of a cell is heard (call-watch.ts), whoever made it: a device world, a check pairing or registering
 * by other means, the app's screens. As the cell ends, through the protocol only:
 * - the devices and authenticators it made, still listed under the id and the name they were made with, are removed;
 * - the password lock goes back to what the cell found: cleared, when it found none;
 * - what the protocol cannot take back (a login's history, a message sent, a skipped setup offer, a lock it found
 *   and changed) is the cell's warning ("left on the server: ..."), never its verdict.
 * A check that starts by clearing 2FA (the 2FA checks share one state) does not clear what it did not make: on a
 * server with 2FA set up by its owner it is untested (`keepFoundTwoFactor`). None of this runs on the kit's own
 * servers, which cost no request more for it.
 */
import type { ROUTES, RouteName } from '../spec/protocol/routes.js';
import type { PasswordLockStatus, TwoFactorSettings } from '../spec/protocol/two-factor.js';
import type { Static } from 'typebox';
import { unrecorded } from '../../simulators/mbs-client/exchange-log.js';
import { watchingCalls } from '../../simulators/mbs-client/call-watch.js';
import type { CallInput, CallOutput, MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { ScopeSlot } from '../../simulators/mbs-client/scope-slot.js';
import type { TargetSession } from '../targets/target.js';
import { Untestable } from './check.js';

/** What a cell made that the protocol can remove: its kind, its id and the name it was made with. */
interface Made {
  readonly kind: 'device' | 'authenticator';
  readonly id: string;
  readonly name: string;
}

type Call<N extends RouteName> = { input: CallInput<(typeof ROUTES)[N]>; output: CallOutput<(typeof ROUTES)[N]> };
type Maker<N extends RouteName> = (call: Call<N>) => Made;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The routes whose success makes something the protocol can remove again, and how to tell what they made. */
const MAKES: {
  readonly [N in 'pair' | 'registerAuthenticator' | 'registerBySecret' | 'confirmRegistration']: Maker<N>;
} = {
  pair: ({ input, output }) => ({ kind: 'device', id: output.deviceId, name: text(input.body?.device.name) }),
  registerAuthenticator: ({ input, output }) => ({
    kind: 'authenticator',
    id: output.authenticatorId,
    name: text(input.body?.name),
  }),
  registerBySecret: ({ input, output }) => ({
    kind: 'authenticator',
    id: output.authenticatorId,
    name: text(input.body?.name),
  }),
  confirmRegistration: ({ output }) => ({ kind: 'authenticator', id: output.authenticatorId, name: output.name }),
};

/** What one cell made and left, heard call by call. */
class Ledger {
  readonly made: Made[] = [];
  readonly logins = new Set<string>();
  /** Each code sent once, however often a login's state repeats it: channel, letters and time sent. */
  readonly sent = new Set<string>();
  readonly settings = new Set<'password lock' | 'reset' | 'setup offer skipped'>();

  constructor(readonly found: TwoFactorSettings | undefined) {}

  hear(name: RouteName, input: unknown, output: unknown): void {
    const answer = (output ?? {}) as Record<string, unknown>;
    if (name in MAKES) {
      const made = (MAKES[name as keyof typeof MAKES] as Maker<RouteName>)({ input, output } as Call<RouteName>);
      if (made.id) {
        this.made.push(made);
        kitMade.add(made.id);
      }
    }
    if (name === 'startLogin') this.logins.add(text(answer['loginId']));
    if (name === 'setPasswordLock') this.settings.add('password lock');
    if (name === 'resetTwoFactor') this.settings.add('reset');
    if (name === 'skipTwoFactorSetup') this.settings.add('setup offer skipped');
    const code = (name === 'setRecoveryPhone' ? answer : answer['code']) as Record<string, unknown> | undefined;
    if (code?.['channel']) this.sent.add(`${text(code['channel'])} ${text(code['letters'])} ${String(code['sentAt'])}`);
  }
}

/** The ids of everything the kit made in this process: an owner's authenticator is none of them. */
const kitMade = new Set<string>();
const scope = new ScopeSlot<Ledger | undefined>();

/**
 * Runs a cell's `body` on a server the kit did not start, then puts back what it can as found (see above); answers
 * the body's value and the cell's warnings.
 */
export async function keepingAsFound<T>(
  session: TargetSession,
  body: () => Promise<T>,
): Promise<{ value: T; warnings: string[] }> {
  const desk = session.console;
  const found = desk ? await unrecorded(() => desk.call('getTwoFactor').catch(() => undefined)) : undefined;
  const ledger = new Ledger(found);
  const value = await scope.run(ledger, () => watchingCalls((...call) => ledger.hear(...call), body));
  const warnings = desk ? await unrecorded(() => putBack(desk, ledger)) : [];
  return { value, warnings: [...warnings, ...leftBehind(ledger)] };
}

/**
 * Throws Untestable, on a server the kit must leave as found, when it holds 2FA the kit did not make (an owner's
 * authenticators, a password lock): a 2FA check starts by clearing 2FA, and would remove them for good; a check
 * that logs in past its own authenticators only would find the owner's password lock in its way.
 */
export function keepFoundTwoFactor(): void {
  const found = scope.get()?.found;
  if (!found) return;
  const theirs = found.authenticators.filter((a) => !kitMade.has(a.authenticatorId));
  const what = [
    ...(theirs.length > 0
      ? [`${count(theirs.length, 'authenticator')} (${theirs.map((a) => a.name).join(', ')})`]
      : []),
    ...(found.passwordLock.set ? ['a password lock'] : []),
  ];
  if (what.length === 0) return;
  throw new Untestable(
    `the server has 2FA set up that the kit did not make (${what.join(' and ')}): the check needs 2FA off but ` +
      'for what it registers, and would remove it for good (validate on a server without it)',
  );
}

/** Removes what the cell made and the server still lists so; puts the password lock back; answers what it could not. */
async function putBack(desk: MbsClient, ledger: Ledger): Promise<string[]> {
  const warnings: string[] = [];
  const remove = async (
    kind: Made['kind'],
    listed: ReadonlyMap<string, string>,
    call: (id: string) => Promise<unknown>,
  ) => {
    for (const made of ledger.made.filter((m) => m.kind === kind && listed.get(m.id) === m.name)) {
      await call(made.id).catch((error: unknown) =>
        warnings.push(`could not remove ${kind} ${made.id}, which this cell made: ${messageOf(error)}`),
      );
    }
  };
  if (ledger.made.some((m) => m.kind === 'device')) {
    const devices = await desk.call('listDevices').catch(() => ({ devices: [] }));
    const listed = new Map(devices.devices.map((d) => [d.deviceId, d.name]));
    await remove('device', listed, (deviceId) => desk.call('removeDevice', { params: { deviceId } }));
  }
  if (!ledger.found || (ledger.made.every((m) => m.kind !== 'authenticator') && !ledger.settings.has('password lock')))
    return warnings;
  const now = await desk.call('getTwoFactor').catch(() => undefined);
  if (!now) return [...warnings, "could not read the server's 2FA settings to put them back as the cell found them"];
  const listed = new Map(now.authenticators.map((a) => [a.authenticatorId, a.name]));
  await remove('authenticator', listed, (authenticatorId) =>
    desk.call('removeAuthenticator', { params: { authenticatorId } }),
  );
  const lock = ledger.found.passwordLock;
  if (!lock.set && now.passwordLock.set) {
    await desk
      .call('setPasswordLock', { body: { password: null } })
      .catch((error: unknown) => warnings.push(`could not clear the password lock this cell set: ${messageOf(error)}`));
  } else if (lock.set && ledger.settings.has('password lock')) {
    warnings.push(`left on the server: the password lock it found (${lockSaid(lock)}) was set again or cleared`);
  }
  return warnings;
}

/** What the protocol cannot take back, said once for the cell. */
function leftBehind(ledger: Ledger): string[] {
  const sms = [...ledger.sent].filter((s) => s.startsWith('sms ')).length;
  const left = [
    ...(ledger.logins.size > 0 ? [`${count(ledger.logins.size, 'desktop login')} (their history)`] : []),
    ...(sms > 0 ? [`${count(sms, 'SMS code')} sent`] : []),
    ...(ledger.sent.size > sms ? [`${count(ledger.sent.size - sms, 'e-mail code')} sent`] : []),
    ...(ledger.settings.has('reset') ? ['2FA reset (its first-login setup offer back)'] : []),
    ...(ledger.settings.has('setup offer skipped') ? ["the first login's offer to set up 2FA, skipped"] : []),
  ];
  return left.length > 0 ? [`left on the server: ${left.join(', ')}`] : [];
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const lockSaid = (lock: Static<typeof PasswordLockStatus>) => (lock.email ? `e-mail ${lock.email}` : 'set');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
