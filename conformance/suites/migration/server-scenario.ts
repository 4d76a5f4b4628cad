/**
 * What a migration case on the server works with: the scenario it draws (items, 2FA accounts, the platforms of the
 * original and the replacement), the 2FA accounts the original backs up, and what the migration carries from the
 * original's backup to the takeover.
 */
import type { HistoryRecorder } from '../../kit/history/history.js';
import fc from 'fast-check';
import { ITEM_KINDS } from '../../spec/file-types.js';
import type { AuthenticatorAccount } from '../../spec/protocol/resources.js';
import type { PairedDevice } from '../../kit/server-support.js';

export const scenario = fc.record({
  items: fc.array(
    fc.record({ kind: fc.constantFrom(...ITEM_KINDS), size: fc.integer({ min: 1, max: 4096 }), seed: fc.nat() }),
    { maxLength: 3 },
  ),
  accounts: fc.integer({ min: 0, max: 2 }),
  originalIos: fc.boolean(),
  replacementIos: fc.boolean(),
});
export type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

export function account(n: number): AuthenticatorAccount {
  return {
    id: `acct-${n}`,
    issuer: 'Mobile Backup',
    label: `user${n}@example.com`,
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    push: false,
  };
}

export interface Migration {
  readonly original: PairedDevice;
  readonly bystander: PairedDevice;
  readonly pairing: { readonly token: string };
  readonly ids: ReadonlySet<string>;
  readonly shas: readonly string[];
  readonly contents: readonly { readonly bytes: Buffer }[];
  readonly snapshot: { readonly accounts: unknown; readonly counts: unknown };
  /** The case's uploads, migration and the replacement's listing, judged by the migration checker (kit/history). */
  readonly history: HistoryRecorder;
}
