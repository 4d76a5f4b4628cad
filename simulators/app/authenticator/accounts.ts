/**
 * The 2FA page's accounts (seed 000 §6.3): added by QR or by username and secret key, renamed, removed and
 * reordered; each shows its current code. The list is what a backup carries as "2FA Accounts".
 */
import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import { ClientError } from '../../../conformance/spec/errors.js';
import type { AuthenticatorAccount } from '../../../conformance/spec/protocol/resources.js';
import { normaliseSecret, parseOtpauthUri } from './otpauth.js';
import { secondsLeft, totpAt } from './totp.js';

export type Account = Static<typeof AuthenticatorAccount>;

export interface ShownCode {
  readonly id: string;
  readonly issuer: string;
  readonly label: string;
  readonly code: string;
  readonly secondsLeft: number;
}

/**
 * Whether the 2FA page offers "Not able to scan QR code?": on every phone, since the secret key needs no camera and
 * a phone without one registers only that way (seed 000 §2.4: the camera is "for scanning QR code"; TFA-12).
 */
export function offersSecretEntry(_camera: boolean): boolean {
  return true;
}

/**
 * Account ids derived from `scope` and a count: the same on every run. The scope keeps two phones' ids apart, since
 * a restore keeps the ids it brings and leaves out those the phone already has.
 */
export function derivedIds(scope: string): () => string {
  let count = 0;
  return () => createHash('sha256').update(`${scope}#${++count}`).digest().subarray(0, 6).toString('base64url');
}

/** The name an account keeps from what the user typed: trimmed, whole (TFA-13). */
export function keptName(typed: string): string {
  return typed.trim();
}

/**
 * The order of the page after an add (or a restore), given its order with the new account last and the ids in the order they were
 * added: the page's own, so that an order the user chose stays (TFA-15).
 */
export function orderAfterAdd(shown: readonly string[], _added: readonly string[]): readonly string[] {
  return shown;
}

/** The account a removal takes off the page, given the page's ids: the one the user chose (TFA-14). */
export function removedAccount(_shown: readonly string[], chosen: string): string {
  return chosen;
}

/** Whether the account of a secret-key registration the server refused stays on the page: never (TFA-08). */
export function keepsRefusedAccount(): boolean {
  return false;
}

/**
 * What the list takes from the app's rules: a secret's code at a time, the name kept from a typed one, and the order
 * after an add.
 */
export interface AccountRules {
  readonly code: (secret: string, epochMs: number) => string;
  readonly name: (typed: string) => string;
  readonly order: typeof orderAfterAdd;
  readonly removed: typeof removedAccount;
}

export class AccountList {
  private accounts: Account[] = [];
  /** The ids in the order the accounts were added (or restored), whatever order the page shows. */
  private addedOrder: string[] = [];

  constructor(
    private readonly newId: () => string = derivedIds('accounts'),
    private readonly rules: AccountRules = {
      code: totpAt,
      name: keptName,
      order: orderAfterAdd,
      removed: removedAccount,
    },
  ) {}

  list(): readonly Account[] {
    return this.accounts;
  }

  /** Adds the account an otpauth:// URI describes; `push` when it came with a push registration. */
  addFromUri(uri: string, push = false): Account {
    const p = parseOtpauthUri(uri);
    return this.add({ issuer: p.issuer, label: p.label, secret: p.secret, push });
  }

  /** "Not able to scan QR code?": username and secret key typed by hand (TOTP only, never push). */
  addFromSecret(issuer: string, username: string, secret: string): Account {
    if (username.trim() === '') throw new ClientError('otpauth-invalid', 'Enter the username.');
    return this.add({ issuer, label: this.rules.name(username), secret: normaliseSecret(secret), push: false });
  }

  /** Puts back accounts restored from a backup, keeping their ids; ones already present are left as they are. */
  restore(accounts: readonly Account[]): number {
    const known = new Set(this.accounts.map((a) => a.id));
    const fresh = accounts.filter((a) => !known.has(a.id));
    this.addedOrder.push(...fresh.map((a) => a.id));
    this.accounts = this.ordered([...this.accounts, ...fresh]);
    return fresh.length;
  }

  rename(id: string, label: string): void {
    if (label.trim() === '' || label.length > 128)
      throw new ClientError('otpauth-invalid', 'An account name is 1-128 characters.');
    this.accounts = this.accounts.map((a) => (a.id === id ? { ...a, label: this.rules.name(label) } : a));
    this.get(id);
  }

  remove(chosen: string): void {
    this.get(chosen);
    const id = this.rules.removed(
      this.accounts.map((a) => a.id),
      chosen,
    );
    this.accounts = this.accounts.filter((a) => a.id !== id);
    this.addedOrder = this.addedOrder.filter((added) => added !== id);
  }

  /** "Reorder": the new order of every account id. */
  reorder(ids: readonly string[]): void {
    const same =
      ids.length === this.accounts.length &&
      new Set(ids).size === ids.length &&
      ids.every((id) => this.accounts.some((a) => a.id === id));
    if (!same) throw new ClientError('account-not-found', 'A reorder must list every account once.');
    this.accounts = ids.map((id) => this.get(id));
  }

  get(id: string): Account {
    const account = this.accounts.find((a) => a.id === id);
    if (!account) throw new ClientError('account-not-found', `No account ${id}.`);
    return account;
  }

  codes(epochMs: number): ShownCode[] {
    return this.accounts.map((a) => ({
      id: a.id,
      issuer: a.issuer,
      label: a.label,
      code: this.rules.code(a.secret, epochMs),
      secondsLeft: secondsLeft(epochMs),
    }));
  }

  private add(fields: Pick<Account, 'issuer' | 'label' | 'secret' | 'push'>): Account {
    const account: Account = {
      id: this.newId(),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      ...fields,
    };
    this.addedOrder.push(account.id);
    this.accounts = this.ordered([...this.accounts, account]);
    return account;
  }

  /** The page's accounts after an add or a restore, `shown` having the new ones last, in the order the rule keeps. */
  private ordered(shown: readonly Account[]): Account[] {
    return this.rules
      .order(
        shown.map((a) => a.id),
        this.addedOrder,
      )
      .map((id) => shown.find((a) => a.id === id) as Account);
  }
}
