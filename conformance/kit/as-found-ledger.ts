/**
 * What a cell made and left on a server it must leave as found, heard call by call (as-found.ts): the devices and
 * authenticators the protocol can remove again, the logins, codes and settings it cannot, and the 2FA settings the
 * cell found.
 */
import type { ROUTES, RouteName } from '../spec/protocol/routes.js';
import type { TwoFactorSettings } from '../spec/protocol/two-factor.js';
import type { CallInput, CallOutput, MbsClient } from '../../simulators/mbs-client/mbs-client.js';

/** What a cell made that the protocol can remove: its kind, its id and the name it was made with. */
export interface Made {
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
export class Ledger {
  /** By kind and id, under the name it has now (a check may rename its own device). */
  private readonly madeNow = new Map<string, Made>();
  readonly logins = new Set<string>();
  /** Each code sent once, however often a login's state repeats it: channel, letters and time sent. */
  readonly sent = new Set<string>();
  readonly settings = new Set<'password lock' | 'reset' | 'setup offer skipped'>();
  /** The ids of the authenticators an earlier run of the kit left, which the cell found and removed (as-found.ts). */
  readonly leftovers = new Set<string>();
  /** Whether the cell cleared a password lock an earlier run of the kit left (as-found.ts): none when it found none. */
  leftoverLock: boolean | undefined;

  /**
   * `found`: the 2FA settings as the cell found them; none on a server without 2FA. `unread`: the error reading them
   * gave, when it failed: nothing of 2FA is then known to be safe to clear, and a check that would clear it meets
   * that error, judged as any other of the server's.
   */
  constructor(
    readonly found: TwoFactorSettings | undefined,
    readonly unread?: unknown,
  ) {}

  get made(): Made[] {
    return [...this.madeNow.values()];
  }

  hear(name: RouteName, input: unknown, output: unknown): void {
    const answer = (output ?? {}) as Record<string, unknown>;
    if (name in MAKES) {
      const made = (MAKES[name as keyof typeof MAKES] as Maker<RouteName>)({ input, output } as Call<RouteName>);
      if (made.id) {
        this.madeNow.set(`${made.kind} ${made.id}`, made);
        kitMade.add(made.id);
      }
    }
    const { params, body } = (input ?? {}) as { params?: Record<string, unknown>; body?: Record<string, unknown> };
    const renamed = name === 'renameDevice' ? this.madeNow.get(`device ${text(params?.['deviceId'])}`) : undefined;
    if (renamed) this.madeNow.set(`device ${renamed.id}`, { ...renamed, name: text(body?.['name']) });
    if (name === 'setPasswordLock') {
      // Clearing the lock sets none: only a password set is the cell's to take back.
      kitLock.set = body?.['password'] !== null && body?.['password'] !== undefined;
      if (kitLock.set) this.settings.add('password lock');
    }
    if (name === 'startLogin') this.logins.add(text(answer['loginId']));
    if (name === 'resetTwoFactor') this.settings.add('reset');
    if (name === 'skipTwoFactorSetup') this.settings.add('setup offer skipped');
    const code = (name === 'setRecoveryPhone' ? answer : answer['code']) as Record<string, unknown> | undefined;
    if (code?.['channel']) this.sent.add(`${text(code['channel'])} ${text(code['letters'])} ${String(code['sentAt'])}`);
  }
}

/** The ids of everything the kit made in this process: an owner's authenticator is none of them. */
export const kitMade = new Set<string>();
/** Whether the password lock the server holds was set by this process (and not cleared since): not the owner's. */
export const kitLock = { set: false };

/** The running cell's ledger, the console it puts back through, and its warnings so far. */
export interface Keeping {
  readonly ledger: Ledger;
  readonly desk: MbsClient | undefined;
  readonly warnings: string[];
  /** Other runs of the kit may be at work on the server now: its marked 2FA may be theirs, in use. */
  readonly shared: boolean;
}
