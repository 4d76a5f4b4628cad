/**
 * Deliberately non-conforming variants of the reference server and the reference app: test fixtures that prove
 * the suites catch what they claim to. Each is one small, named change, never on unless selected
 * (`mbsc serve --fault NAME`, `mbsc run --fault NAME`, `mbsc selftest`). `caughtBy` lists the requirement ids a
 * conforming kit must fail when the variant runs; a variant no suite catches is a gap in the suites.
 */
import { ClientError } from './errors.js';
import { didYouMean } from './nearest-name.js';

export interface FaultSpec {
  /** Which side the change is in: the reference server, or the reference app model on every simulated device. */
  readonly side: 'server' | 'app';
  readonly description: string;
  /** The MUST requirements whose checks must fail when this variant runs. */
  readonly caughtBy: readonly string[];
  /** Editions the variant shows on; default pro (Home for faults of Home's own rules). */
  readonly edition?: 'pro' | 'lite' | 'home';
}

export const FAULTS = {
  // The server's 2FA.
  'replayed-totp-accepted': {
    side: 'server',
    description: 'accepts a one-time password a second time',
    caughtBy: ['TOTP-12'],
  },
  'stale-totp-accepted': {
    side: 'server',
    description: 'accepts a one-time password from two steps ago',
    caughtBy: ['TOTP-04'],
  },
  'late-push-approved': {
    side: 'server',
    description: 'lets a push request be approved after its 5 minutes',
    caughtBy: ['PUSH-04'],
  },
  'resend-keeps-old-push': {
    side: 'server',
    description: 'Resend sends a new push request without voiding the earlier one',
    caughtBy: ['PUSH-07'],
  },
  'sms-code-outlives-5-minutes': {
    side: 'server',
    description: 'accepts an SMS recovery code for 10 minutes instead of 5',
    caughtBy: ['REC-06'],
  },
  'email-code-full-24-hours': {
    side: 'server',
    description: 'accepts a password-lock e-mail code for the full 24 hours, one second too long',
    caughtBy: ['PWL-06'],
  },
  'two-factor-on-home': {
    side: 'server',
    description: 'answers the 2FA routes on the Home edition',
    caughtBy: ['EDN-04'],
    edition: 'home',
  },
  // The server's backup protocol and storage.
  'partial-upload-listed': {
    side: 'server',
    description: 'lists an upload that has not received all its bytes',
    caughtBy: ['BAK-08'],
  },
  'hash-mismatch-accepted': {
    side: 'server',
    description: 'finishes an upload whose bytes do not match the announced hash',
    caughtBy: ['BAK-08'],
  },
  'wrong-default-ports': {
    side: 'server',
    description: "takes the first port of another edition's range",
    caughtBy: ['NET-01'],
  },
  'file-names-decimal': {
    side: 'server',
    description: 'names stored files by a decimal sequence number instead of six hexadecimal digits',
    caughtBy: ['STO-05'],
  },
  // The server's migration.
  'migration-loses-items': {
    side: 'server',
    description: "drops the original device's items when it migrates",
    caughtBy: ['MIG-10'],
  },
  'migration-keeps-old-pairing': {
    side: 'server',
    description: 'keeps the original device paired after migration',
    caughtBy: ['MIG-03'],
  },
  'migration-onto-paired-device': {
    side: 'server',
    description: 'accepts a migration onto a device that is already paired',
    caughtBy: ['MIG-02'],
  },
  // The app's run conditions.
  'backup-below-30-percent': {
    side: 'app',
    description: 'backs up at 29% battery with power saving on',
    caughtBy: ['RUN-03'],
  },
  'backup-unplugged-charging-only': {
    side: 'app',
    description: 'backs up unplugged with backup while charging only on',
    caughtBy: ['RUN-12'],
  },
  'backup-off-lan': {
    side: 'app',
    description: "backs up while the device is off the backup machine's LAN",
    caughtBy: ['RUN-01'],
  },
  // The app's free up space.
  'frees-unconfirmed-items': {
    side: 'app',
    description: 'frees up space for items the server never confirmed',
    caughtBy: ['FUS-06'],
  },
  'frees-beyond-limit': {
    side: 'app',
    description: 'frees more than it needs to reach the limit',
    caughtBy: ['FUS-08'],
  },
  'frees-documents': {
    side: 'app',
    description: 'frees up space by removing documents too',
    caughtBy: ['FUS-06'],
  },
  'frees-newest-first': {
    side: 'app',
    description: 'removes the newest items first',
    caughtBy: ['FUS-07'],
  },
  // The app's backup and restore.
  'restore-overwrites-present-items': {
    side: 'app',
    description: 'restores over an item that is still on the device',
    caughtBy: ['RST-07'],
  },
  'no-source-accepted': {
    side: 'app',
    description: 'accepts a backup source selection with no source',
    caughtBy: ['SRC-05'],
  },
  'itunes-synced-backed-up': {
    side: 'app',
    description: 'backs up media synced from iTunes on iOS',
    caughtBy: ['LIM-04'],
  },
  'ios-frees-without-consent': {
    side: 'app',
    description: 'removes items on iOS without asking the user first',
    caughtBy: ['FUS-11'],
  },
  'restore-held-by-charging-only': {
    side: 'app',
    description: 'holds a restore while unplugged with backup while charging only on',
    caughtBy: ['RUN-14'],
  },
} as const satisfies Record<string, FaultSpec>;

export type FaultName = keyof typeof FAULTS;
export type ServerFault = { [K in FaultName]: (typeof FAULTS)[K]['side'] extends 'server' ? K : never }[FaultName];
export type AppFault = { [K in FaultName]: (typeof FAULTS)[K]['side'] extends 'app' ? K : never }[FaultName];

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isServerFault(name: FaultName): name is ServerFault {
  return FAULTS[name].side === 'server';
}

/** Checks names given on a command line; an unknown one is a `fault-unknown` error naming the nearest. */
export function parseFaults(names: readonly string[]): FaultName[] {
  for (const name of names) {
    if (!(name in FAULTS)) {
      throw new ClientError('fault-unknown', `Unknown fault "${name}".${didYouMean(name, FAULT_NAMES)}`, {
        known: FAULT_NAMES,
      });
    }
  }
  return [...new Set(names)] as FaultName[];
}
