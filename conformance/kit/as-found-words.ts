/** How the put-back on a server left as found words its warnings (as-found.ts, as-found-leftovers.ts). */
import type { Static } from 'typebox';
import type { PasswordLockStatus } from '../spec/protocol/two-factor.js';

export const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export const lockSaid = (lock: Static<typeof PasswordLockStatus>): string =>
  lock.email ? `e-mail ${lock.email}` : 'set';

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
