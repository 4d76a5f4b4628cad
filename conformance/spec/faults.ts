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
  /**
   * Only a check that moves the server's clock can show it (a lifetime or a wait): on a vendor's path it is caught
   * only when the server offers the conformance clock.
   */
  readonly needsClock?: true;
  /**
   * Only a clock standing still shows it (a bound met to the millisecond): on a moving clock the kit's request lands
   * a few milliseconds past the bound, so the vendor path starts it with the frozen clock too (with needsClock).
   */
  readonly needsFrozenClock?: true;
  /**
   * Only the nemesis of a target that can kill and restart its server shows it (a crash and a start-up on the same
   * data): on a plain URL, which the kit can only reach through its proxy, it goes uncaught.
   */
  readonly needsRestart?: true;
  /**
   * Only a device with an SD card shows it: the self-test adds such a profile (samsung-galaxy-a12) to its runs when
   * none of the profiles it was given has one.
   */
  readonly needsSdCard?: true;
  /** Today's checks do not catch it, and why: a gap in the suites, measured, kept until a check closes it. */
  readonly knownGap?: string;
}

export const FAULTS = {
  // The server's 2FA.
  'replayed-totp-accepted': {
    side: 'server',
    description: 'accepts a one-time password a second time',
    caughtBy: ['TOTP-12'],
  },
  'totp-accepted-twice-at-once': {
    side: 'server',
    description:
      'reads the step an authenticator last accepted, awaits, then checks and writes: one code sent to two logins ' +
      'at once logs both in',
    caughtBy: ['TOTP-12'],
  },
  'stale-totp-accepted': {
    side: 'server',
    description: 'accepts a one-time password from two steps ago',
    caughtBy: ['TOTP-04'],
  },
  'notifications-ignore-after': {
    side: 'server',
    description: "lists an authenticator's push notifications from the first, whatever `after` the app asks from",
    caughtBy: ['PUSH-01'],
  },
  'outbox-last-stuck': {
    side: 'server',
    description:
      "answers the outbox's pages with `last` equal to `after`, so a reader going on from it reads them again",
    caughtBy: ['REC-05'],
  },
  'late-push-approved': {
    side: 'server',
    description: 'lets a push request be approved after its 5 minutes',
    caughtBy: ['PUSH-04'],
    needsClock: true,
  },
  'push-offered-without-service': {
    side: 'server',
    description: 'offers push approval at login even when the push notification service cannot be reached',
    caughtBy: ['NET-09'],
  },
  'push-answered-twice-at-once': {
    side: 'server',
    description:
      'reads a push request, awaits, then checks it is pending and writes the answer: approvals and rejections ' +
      'sent at once all take',
    caughtBy: ['PUSH-10'],
  },
  'resend-keeps-old-push': {
    side: 'server',
    description: 'Resend sends a new push request without voiding the earlier one',
    caughtBy: ['PUSH-07'],
  },
  'verification-code-used-twice-at-once': {
    side: 'server',
    description:
      "reads a login's SMS or e-mail code, awaits, then checks the digits and uses it up: the code typed twice " +
      'at once is accepted twice',
    caughtBy: ['REC-14'],
  },
  'sms-code-outlives-5-minutes': {
    side: 'server',
    description: 'accepts an SMS recovery code for 10 minutes instead of 5',
    caughtBy: ['REC-06'],
    needsClock: true,
  },
  'email-code-full-24-hours': {
    side: 'server',
    description: 'accepts a password-lock e-mail code for the full 24 hours, one second too long',
    caughtBy: ['PWL-06'],
    needsClock: true,
  },
  'recovery-email-unworded': {
    side: 'server',
    description: 'sends the password-lock code alone under the subject "Your code", not as the seed words it',
    caughtBy: ['PWL-14'],
  },
  'recovery-email-wrong-sender': {
    side: 'server',
    description: 'sends the password-lock e-mail from the desktop program’s name, not from the PNS sender',
    caughtBy: ['PWL-16'],
  },
  'two-factor-on-home': {
    side: 'server',
    description: 'answers the 2FA routes on the Home edition',
    caughtBy: ['EDN-04'],
    edition: 'home',
  },
  'lite-without-two-factor': {
    side: 'server',
    description: 'serves 2FA on Pro only: the Lite edition refuses every 2FA route',
    caughtBy: ['EDN-02'],
    edition: 'lite',
  },
  'two-factor-from-version-5': {
    side: 'server',
    description: 'offers 2FA only from desktop version 5.0.0.0 on, not from 4.3.0.0',
    caughtBy: ['EDN-01', 'EDN-05'],
  },
  'totp-two-steps-ahead-accepted': {
    side: 'server',
    description: 'accepts a one-time password from two steps ahead',
    caughtBy: ['TOTP-04'],
  },
  'totp-previous-step-refused': {
    side: 'server',
    description: 'refuses the one-time password of the step just ended',
    caughtBy: ['TOTP-01'],
  },
  'sends-unlimited': {
    side: 'server',
    description: 'sends every SMS and e-mail code asked for, with no limit on how many in a row',
    caughtBy: ['REC-17'],
    needsClock: true,
  },
  'throttles-from-fifth-failure': {
    side: 'server',
    description: 'throttles one-time passwords after four failures instead of five',
    caughtBy: ['TOTP-18'],
  },
  'throttle-never-doubles': {
    side: 'server',
    description: 'waits 30 s after every failure beyond the fifth, never doubling',
    // One schedule for every kind of guess: one-time passwords, passwords, e-mail codes, SMS codes.
    caughtBy: ['TOTP-18', 'PWL-12', 'PWL-13', 'REC-16'],
    needsClock: true,
  },
  'replayed-otp-not-counted': {
    side: 'server',
    description: 'refuses a replayed one-time password without counting it as a failure',
    caughtBy: ['TOTP-18'],
    // Replays count toward a wait; only a wait shows the count, and without the clock no check may leave one.
    needsClock: true,
  },
  'success-keeps-failure-count': {
    side: 'server',
    description: 'keeps counting earlier failures after a one-time password is accepted',
    caughtBy: ['TOTP-18'],
  },
  'totp-failures-lost-at-once': {
    side: 'server',
    description:
      "reads the one-time passwords' failure count, awaits, then checks a login's code and writes the count read " +
      'plus one: wrong codes sent at once are all judged and counted as one',
    caughtBy: ['TOTP-18'],
    // Only a burst past the free failures shows it, and without the clock no check may leave the wait behind.
    needsClock: true,
  },
  'code-failures-lost-at-once': {
    side: 'server',
    description:
      'reads the failure count of SMS or e-mail codes, awaits, then checks the digits and writes the count read ' +
      'plus one: wrong codes sent at once are all judged and counted as one',
    caughtBy: ['REC-16', 'PWL-13'],
    needsClock: true,
  },
  'password-failures-lost-at-once': {
    side: 'server',
    description:
      "reads the password lock's failure count, awaits, then checks the password and writes the count read plus " +
      'one: wrong passwords sent at once are counted as fewer',
    caughtBy: ['PWL-12'],
    needsClock: true,
  },
  'sms-code-reusable': {
    side: 'server',
    description: 'keeps an SMS code good after it was accepted, so the same digits are accepted again',
    caughtBy: ['REC-14'],
  },
  'email-code-reusable': {
    side: 'server',
    description: 'lets the password-lock e-mail code that reset the lock reset it again from the password prompt',
    caughtBy: ['REC-14'],
  },
  'push-approved-twice': {
    side: 'server',
    description: 'takes a second approval of a push request already approved',
    caughtBy: ['PUSH-10'],
  },
  'sms-resend-same-code': {
    side: 'server',
    description: 'Resend SMS sends the code still alive again, so the earlier code stays good',
    caughtBy: ['REC-07'],
  },
  'reset-password-in-password-state': {
    side: 'server',
    description: 'lets a login reset the password lock in state password, before any e-mail code was sent',
    caughtBy: ['LOGIN-01'],
  },
  'recovery-refuses-push': {
    side: 'server',
    description: 'refuses a push (Resend) as login-state once a login is under "Unable to login"',
    caughtBy: ['LOGIN-01', 'REC-01'],
  },
  'registration-completable-twice': {
    side: 'server',
    description: 'lets one 2FA registration register a second authenticator',
    caughtBy: ['TFA-05'],
  },
  'registration-lives-11-minutes': {
    side: 'server',
    description: 'accepts a 2FA registration token for 11 minutes instead of 10',
    caughtBy: ['TFA-18'],
    needsClock: true,
  },
  'account-label-generic': {
    side: 'server',
    description: 'names every account registered by QR code "Account" instead of after the desktop machine',
    caughtBy: ['TFA-19'],
  },
  'push-answered-by-other-authenticator': {
    side: 'server',
    description: 'takes the answer to a push request from another registered app',
    caughtBy: ['PUSH-01'],
  },
  'push-lives-4-minutes': {
    side: 'server',
    // It says so in the request's expiresAt, which a check reads without waiting: no clock needed.
    description: 'expires a push request after 4 minutes instead of 5, and announces it',
    caughtBy: ['PUSH-04'],
  },
  'rejected-push-logs-in': {
    side: 'server',
    description: 'logs the desktop in when the push request is rejected',
    caughtBy: ['PUSH-06'],
  },
  'recovery-keeps-device': {
    side: 'server',
    description: 'completes an SMS recovery without discarding the recovered device',
    caughtBy: ['REC-09'],
  },
  'sms-text-two-codes': {
    side: 'server',
    description: 'names a second code-shaped string after the code in every SMS',
    caughtBy: ['TFA-16'],
  },
  'recovery-registration-secret-differs': {
    side: 'server',
    description: "answers a recovery with a registration whose secret key is not its otpauth URI's",
    caughtBy: ['REC-08'],
  },
  'recovery-removes-backup-device': {
    side: 'server',
    description: "removes the recovered phone's mobile backup along with its 2FA registration",
    caughtBy: ['MIG-15'],
  },
  'wrong-phone-gets-sms': {
    side: 'server',
    description: 'sends the recovery SMS code to a number other than the registered one',
    caughtBy: ['REC-04'],
  },
  'reset-keeps-trusted-browsers': {
    side: 'server',
    description: 'keeps trusted browsers trusted through a 2FA reset',
    caughtBy: ['LOGIN-12'],
  },
  'trust-lasts-31-days': {
    side: 'server',
    description: 'lets a trusted browser skip the code for 31 days instead of 30',
    caughtBy: ['LOGIN-13'],
    needsClock: true,
  },
  'recovery-phone-code-expiry-overstated': {
    side: 'server',
    description: "tells the app its recovery phone's SMS code expires 10 minutes after sending while it keeps it 5",
    caughtBy: ['TFA-16'],
  },
  'push-notification-expiry-overstated': {
    side: 'server',
    description: 'lists each push request to the app as expiring a minute after its 5 minutes, which the login says',
    caughtBy: ['PUSH-04'],
  },
  'confirmed-app-listed-as-own': {
    side: 'server',
    description: 'lists an authenticator app confirmed on the desktop as kind app, the app’s own registration',
    caughtBy: ['TFA-11'],
  },
  'password-lock-shown-off': {
    side: 'server',
    description: 'keeps the password lock it is given but says in Settings, and in its answer, that none is set',
    caughtBy: ['PWL-01'],
  },
  'trusted-browser-unsaid': {
    side: 'server',
    description: "skips the one-time code for a trusted browser's login but says trustedBrowser: false in it",
    caughtBy: ['LOGIN-12'],
  },
  'registered-at-wall-clock': {
    side: 'server',
    description: "stamps an authenticator's registeredAt from the machine's clock, not the conformance clock",
    caughtBy: ['TFA-11'],
    // Only a moved or frozen clock parts from the machine's.
    needsClock: true,
  },
  'login-created-at-wall-clock': {
    side: 'server',
    description: "stamps a login's createdAt from the machine's clock, not the conformance clock",
    caughtBy: ['LOGIN-02'],
    // Only a moved or frozen clock parts from the machine's.
    needsClock: true,
  },
  // The server's 2FA: a code checked in part or with too wide a window, the secrets and URI of a registration, a
  // registration by secret key, where a login leads after its first factor, recovery and the password lock's reset.
  'otp-last-digit-ignored': {
    side: 'server',
    description: 'compares only the first five digits of a one-time password: a code wrong in its last digit logs in',
    caughtBy: ['TOTP-08'],
  },
  'totp-second-of-grace': {
    side: 'server',
    description:
      'allows a second of network delay beyond the step of drift either side: in the first or last second of a ' +
      'step, a code from two steps away is accepted',
    caughtBy: ['TOTP-13'],
    // Only a code sent in a step's first or last second shows it, and only a moved clock sends one there.
    needsClock: true,
  },
  'open-registration-secret-reused': {
    side: 'server',
    description:
      'gives a registration issued while another is still open the same secret key, to keep the QR code steady',
    caughtBy: ['TOTP-17'],
  },
  'secret-key-32-characters': {
    side: 'server',
    description: "makes secret keys of 32 base32 characters (RFC 4226's 160 bits), not the seed's 16",
    caughtBy: ['TOTP-05'],
    knownGap:
      "the kit's client refuses the registration's answer by the protocol's schema (secret: 16 base32 characters) " +
      'before any check reads it: every 2FA check errs in its setup (protocol-violation), none fails TOTP-05',
  },
  'otpauth-issuer-parameter-missing': {
    side: 'server',
    description: "names the issuer in the otpauth URI's label only, without the issuer parameter",
    caughtBy: ['TOTP-16'],
  },
  'secret-key-code-unchecked': {
    side: 'server',
    description: 'completes a registration by secret key with any six digits, trusting the app to have checked them',
    caughtBy: ['TFA-09'],
  },
  'secret-key-registration-takes-push': {
    side: 'server',
    description: 'registers an app given only the secret key for push too, and sends it push requests',
    caughtBy: ['TFA-10'],
  },
  'second-factor-after-last-removed': {
    side: 'server',
    description: 'asks for a one-time password at login though every authenticator was removed (2FA disabled)',
    caughtBy: ['LOGIN-03'],
  },
  'password-lock-opens-alone': {
    side: 'server',
    description: 'opens the desktop on the right password-lock password alone, with 2FA on',
    caughtBy: ['LOGIN-04'],
  },
  'codes-only-devices-skip-2fa': {
    side: 'server',
    description:
      'counts only devices that take push as 2FA: with codes-only devices registered, a login asks for nothing',
    caughtBy: ['LOGIN-04', 'LOGIN-08'],
  },
  'push-wait-refuses-recovery': {
    side: 'server',
    description: 'refuses "Unable to login" as login-state while a push request waits',
    caughtBy: ['LOGIN-10'],
  },
  'push-wait-refuses-code': {
    side: 'server',
    description: 'refuses a one-time password typed into the push waiting screen as login-state',
    caughtBy: ['LOGIN-07'],
  },
  'reset-takes-used-code': {
    side: 'server',
    description:
      'checks the code that resets 2FA without the steps already used: the code that just logged in resets it',
    caughtBy: ['REC-12'],
  },
  'recovery-without-phone': {
    side: 'server',
    description: 'lets "Unable to login" recover a device that has no recovery phone registered',
    caughtBy: ['REC-10'],
  },
  'forgot-password-any-address': {
    side: 'server',
    description: "sends the Forgot password code to the license's address whatever address is typed",
    caughtBy: ['PWL-04'],
  },
  'push-offered-for-codes-only-devices': {
    side: 'server',
    description: 'lists every registered device as a push option, those that make codes only too',
    caughtBy: ['LOGIN-05'],
  },
  'options-named-after-desktop': {
    side: 'server',
    description: "names every device in a login's options after the account the app shows, the desktop's own name",
    caughtBy: ['LOGIN-09'],
  },
  'remove-takes-first-authenticator': {
    side: 'server',
    description: 'removes the device registered first, whichever device Remove was chosen for',
    caughtBy: ['TFA-04'],
  },
  'recovery-phone-first-digits': {
    side: 'server',
    description: "shows the recovery phone's first two digits at the phone step of Unable to login, not its last two",
    caughtBy: ['REC-03'],
  },
  'recovery-email-expiry-second-late': {
    side: 'server',
    description: 'states in the recovery e-mail the first second its code is refused, not the last it is good',
    caughtBy: ['PWL-07'],
  },
  'reset-confirmation-unchecked': {
    side: 'server',
    description: 'resets the password lock to the first of two new passwords that differ, never comparing them',
    caughtBy: ['PWL-09'],
  },
  'push-countdown-wall-clock': {
    side: 'server',
    description: "counts the push waiting screen down on the machine's clock, not the conformance clock",
    caughtBy: ['PUSH-05'],
    // Only a moved or frozen clock parts from the machine's.
    needsClock: true,
  },
  'reset-keeps-old-password': {
    side: 'server',
    description: 'answers a password-lock reset as done but keeps the old password: it still opens, the new one not',
    caughtBy: ['PWL-10'],
  },
  // The server's 2FA: what its answers announce (the wait of a throttle, the lifetime of a registration).
  'otp-throttle-unannounced': {
    side: 'server',
    description: 'answers a throttled one-time password otp-throttled without details.retryAfterMs',
    caughtBy: ['TOTP-18'],
    // Without the clock no check may leave a throttle behind, so none is ever met.
    needsClock: true,
  },
  'registration-expiry-overstated': {
    side: 'server',
    description: 'announces a 2FA registration as expiring 11 minutes after issue while it keeps it for 10',
    caughtBy: ['TFA-18'],
    // The announced expiresAt is judged against the server clock read around the call.
    needsClock: true,
  },
  'registration-qr-expiry-differs': {
    side: 'server',
    description: "puts in a 2FA registration's QR code an expiry a minute later than the answer's expiresAt",
    caughtBy: ['TFA-18'],
    needsClock: true,
  },
  // The server's requests, backup protocol and storage.
  'malformed-json-answered-500': {
    side: 'server',
    description: 'answers a body that is not valid JSON with 500 internal-error, not 400 invalid-json',
    caughtBy: ['NET-11'],
  },
  'unknown-body-keys-accepted': {
    side: 'server',
    description: 'accepts a request body with keys its schema does not know, ignoring them',
    caughtBy: ['NET-12'],
  },
  'body-types-coerced': {
    side: 'server',
    description: 'accepts a request body whose values have the wrong JSON types, converting them',
    caughtBy: ['NET-12'],
  },
  'pairing-token-used-twice-at-once': {
    side: 'server',
    description:
      'reads a pairing token, awaits, checks it unused, then writes it used without checking again: ' +
      'two phones sent one token at once both pair',
    caughtBy: ['PAIR-02'],
  },
  'pairing-token-lives-11-minutes': {
    side: 'server',
    description: 'accepts a pairing token for 11 minutes instead of 10',
    caughtBy: ['PAIR-10'],
    needsClock: true,
  },
  'pairing-token-alive-at-expiry': {
    side: 'server',
    description: 'accepts a pairing token at its expiresAt, the first millisecond it has expired',
    caughtBy: ['PAIR-10'],
    needsClock: true,
    needsFrozenClock: true,
  },
  'qr-payload-not-https': {
    side: 'server',
    description:
      'shows the pairing QR code as the first payload, mbs://pair?…, which the app reads and no camera opens',
    caughtBy: ['PAIR-14'],
  },
  'range-ignored': {
    side: 'server',
    description: 'answers a download with Range by 200 and the whole body',
    caughtBy: ['NET-15'],
  },
  'authentication-after-validation': {
    side: 'server',
    description: 'authenticates only after validating the body, so a bad body with a bad key gets invalid-request',
    caughtBy: ['NET-14'],
  },
  'empty-body-accepted': {
    side: 'server',
    description: 'accepts a POST whose body schema is empty with no body and no content type',
    caughtBy: ['NET-13'],
  },
  'filtered-tab-lists-other-tab': {
    side: 'server',
    description: 'lists an item of another tab, labelled with the tab asked for, when a listing asks for one tab',
    caughtBy: ['NET-06'],
  },
  'discovery-answers-other-edition': {
    side: 'server',
    description: 'answers a discovery request that names another edition',
    caughtBy: ['NET-06'],
  },
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
  'open-job-dropped-on-restart': {
    side: 'server',
    description: 'forgets the acknowledged items of a backup job not yet committed when it restarts',
    caughtBy: ['BAK-08'],
    needsRestart: true,
  },
  'removed-device-back-after-restart': {
    side: 'server',
    description: 'brings a removed device and its items back when it restarts',
    caughtBy: ['RFE-10'],
    needsRestart: true,
  },
  'wrong-default-ports': {
    side: 'server',
    description: "takes the first port of another edition's range",
    caughtBy: ['NET-01'],
  },
  'device-folders-in-subfolder': {
    side: 'server',
    description: "keeps each device's folder in a Mobile folder under the data folder, not directly in it",
    caughtBy: ['STO-02'],
  },
  'file-names-decimal': {
    side: 'server',
    description: 'names stored files by a decimal sequence number instead of six hexadecimal digits',
    caughtBy: ['STO-05'],
  },
  'file-extension-lower-case': {
    side: 'server',
    description: 'keeps the extension of a stored file in lower case',
    caughtBy: ['STO-05'],
  },
  'file-names-unpadded-hex': {
    side: 'server',
    description: 'names stored files by their hexadecimal sequence number without padding to six digits',
    caughtBy: ['STO-05'],
  },
  'upload-stored-in-finishing-job': {
    side: 'server',
    description: "stores an upload finished from a later job in that job's folder, not its own job's",
    caughtBy: ['STO-04'],
  },
  'stored-time-of-upload': {
    side: 'server',
    description: "leaves a stored file with the time of its upload instead of the item's own modification time",
    caughtBy: ['STO-09'],
  },
  'job-folder-time-with-colons': {
    side: 'server',
    description: 'names each job folder with colons in its time (2021-07-19-15:43:34), which a FAT flash drive refuses',
    caughtBy: ['STO-10'],
  },
  'sequence-from-zero': {
    side: 'server',
    description: "starts a device folder's hexadecimal sequence of stored names at 000000 instead of 000001",
    caughtBy: ['STO-05'],
  },
  // What a server writes to disk beyond the names above (PROTOCOL.md "Storage layout", STO-05, STO-09).
  'extension-after-first-dot': {
    side: 'server',
    description:
      'takes the extension of a stored file from the first dot of the name, not the last (SEQ.7_0.jpg is .7_0)',
    caughtBy: ['STO-05'],
  },
  'discarded-upload-takes-sequence': {
    side: 'server',
    description:
      "gives an upload discarded for a digest mismatch a sequence number, leaving a gap in the device's names",
    caughtBy: ['STO-05'],
  },
  'stored-time-ignores-capture': {
    side: 'server',
    description:
      'dates a stored file by the item’s modification time only: an item with just a capture time keeps the upload’s',
    caughtBy: ['STO-09'],
  },
  'job-folder-after-start': {
    side: 'server',
    description: "names a backup job's folder two seconds after the job's start time",
    caughtBy: ['STO-04'],
  },
  'port-range-overrun': {
    side: 'server',
    description: "goes past the end of its edition's TCP range when every port of the range is taken",
    caughtBy: ['NET-05'],
  },
  'port-range-cut-short': {
    side: 'server',
    description: "takes Lite's TCP range as 100 ports like the other editions' (51000-51099, not 51000-51299)",
    caughtBy: ['NET-04'],
    edition: 'lite',
  },
  'removed-device-files-deleted': {
    side: 'server',
    description: "deletes a removed device's backup folder from disk; PROTOCOL.md removeDevice keeps the files",
    caughtBy: ['NET-06'],
  },
  'rename-moves-backup-folder': {
    side: 'server',
    description: "moves a renamed device's backup folder to its new name; PROTOCOL.md renameDevice keeps its path",
    caughtBy: ['NET-06'],
  },
  // The server's refusals of an announced item, the order of its listing and its device list (PROTOCOL.md
  // createUpload, "Supported types", "Listing and restore", "Pairing").
  'unsupported-file-type-accepted': {
    side: 'server',
    description: 'accepts an upload announced with an extension of no supported type (IMG_0001.jpeg)',
    caughtBy: ['NET-06'],
  },
  'item-kind-mismatch-accepted': {
    side: 'server',
    description: 'accepts an upload announced with a kind its extension contradicts (a .mp4 announced as a photo)',
    caughtBy: ['NET-06'],
  },
  'item-too-large-accepted': {
    side: 'server',
    description: 'accepts an upload announced larger than the 64 GiB an item may have',
    caughtBy: ['NET-06'],
  },
  'listing-newest-first': {
    side: 'server',
    description: 'lists the items of each page newest upload first instead of in upload order',
    caughtBy: ['NET-06'],
  },
  'device-list-registered-later': {
    side: 'server',
    description: 'shows each device in the device list registered a second after the time its pairing answered',
    caughtBy: ['STO-03'],
  },
  'removing-unknown-device-succeeds': {
    side: 'server',
    description: 'answers 204 to removing a device it does not list (one removed already) instead of device-not-found',
    caughtBy: ['NET-06'],
  },
  'self-os-version-major-only': {
    side: 'server',
    description:
      'answers GET /v1/device with the OS version cut to its major number, which the device list shows whole',
    caughtBy: ['NET-06'],
  },
  'device-list-name-cut': {
    side: 'server',
    description: "shows each device's name in the device list cut to 20 characters",
    caughtBy: ['STO-01'],
  },
  'device-list-model-cut': {
    side: 'server',
    description: "shows each device's model in the device list cut to 8 characters",
    caughtBy: ['DESK-12'],
  },
  'pairing-status-stays-waiting': {
    side: 'server',
    description: "answers a used pairing token's status as waiting, with no device, until the token expires",
    caughtBy: ['PAIR-15'],
  },
  'cancel-of-finished-upload-succeeds': {
    side: 'server',
    description: 'answers 204 to cancelling an upload it no longer has (completed, discarded or cancelled)',
    caughtBy: ['NET-06'],
  },
  'upload-opened-twice-at-once': {
    side: 'server',
    description:
      "reads a device's unfinished upload of the announced bytes, awaits, then opens a new one without checking " +
      'again: of new bytes announced twice at once, the second is not resumed',
    caughtBy: ['BAK-02'],
  },
  'last-append-twice-at-once': {
    side: 'server',
    description:
      'lets appends to one upload run side by side, each checking its offset before any writes: the last bytes ' +
      'sent twice at once both pass the check',
    caughtBy: ['BAK-08'],
  },
  'upload-cancelled-and-completed-at-once': {
    side: 'server',
    description:
      "lets an upload's cancel run beside its appends, reading the upload, awaiting, then deleting it: of the last " +
      'append and a cancel at once, the append confirms the item and the cancel still answers 204',
    caughtBy: ['BAK-08'],
  },
  'duplicate-answered-as-recent': {
    side: 'server',
    description: 'answers an announcement of an item it holds with that item in Recent, whatever its tab',
    caughtBy: ['BAK-07'],
  },
  'completion-answers-size-in-kib': {
    side: 'server',
    description: "answers a completed upload with its item's size in whole KiB, rounded up, while it lists bytes",
    caughtBy: ['BAK-08'],
  },
  'listing-stored-as-lower-case': {
    side: 'server',
    description: "lists each item's storedAs with its extension in lower case, while the file's is upper case",
    caughtBy: ['NET-06'],
  },
  'item-path-name-only': {
    side: 'server',
    description: "keeps an item's file name but not its folder: the path it answers is the name alone",
    caughtBy: ['STO-07'],
  },
  'listing-ends-after-first-page': {
    side: 'server',
    description: 'answers every page of a listing with nextCursor null, so the items past the first page are lost',
    caughtBy: ['NET-06'],
  },
  'desktop-items-leave-out-deleted': {
    side: 'server',
    description: "leaves a device's Deleted tab out of the desktop's list of what the device has backed up",
    caughtBy: ['NET-06'],
  },
  'edited-file-answered-duplicate': {
    side: 'server',
    description: 'answers an announcement of new bytes under a path it holds an item of as a duplicate of that item',
    caughtBy: ['BAK-08'],
  },
  'item-found-for-other-device': {
    side: 'server',
    description: "answers a device's question for bytes it never sent with another device's item of them, and its file",
    caughtBy: ['BAK-08'],
  },
  'archived-stays-in-archive': {
    side: 'server',
    description: 'keeps an archived item in the Archive tab after it was restored to the phone and backed up again',
    caughtBy: ['RFE-07'],
  },
  'archive-reaches-other-device': {
    side: 'server',
    description: "archives, for bytes a device names but only another device holds, that other device's item",
    caughtBy: ['BAK-10'],
  },
  'removal-drops-same-bytes-elsewhere': {
    side: 'server',
    description: "removes, with a device, every other device's items of the same bytes",
    caughtBy: ['NET-06'],
  },
  'migration-archives-same-bytes-elsewhere': {
    side: 'server',
    description: "moves, when a device migrates, every other device's items of its bytes to Archive too",
    caughtBy: ['NET-06'],
  },
  // The server's migration.
  'migration-loses-items': {
    side: 'server',
    description: "drops the original device's items when it migrates",
    caughtBy: ['MIG-10'],
  },
  'migration-keeps-unfinished-uploads': {
    side: 'server',
    description: "hands the original device's unfinished uploads to the replacement when it migrates, bytes and all",
    caughtBy: ['BAK-09'],
  },
  'migration-moves-backup-folder': {
    side: 'server',
    description: "moves the original's backup folder to the replacement's own name and time when it takes it over",
    caughtBy: ['MIG-04'],
  },
  'migration-keeps-old-pairing': {
    side: 'server',
    description: 'keeps the original device paired after migration',
    caughtBy: ['MIG-03'],
  },
  'migration-keeps-original-key': {
    side: 'server',
    description: "leaves the original device's key working after migration (off the list, it acts as the replacement)",
    caughtBy: ['MIG-06'],
  },
  'migration-ignores-app-version': {
    side: 'server',
    description: 'lets a replacement with an app older than 1.5.0 (Android) or 268 (iOS) migrate',
    caughtBy: ['MIG-12'],
  },
  'migration-onto-paired-device': {
    side: 'server',
    description: 'accepts a migration onto a device that is already paired',
    caughtBy: ['MIG-02'],
  },
  'migration-drops-original-totp': {
    side: 'server',
    description: "refuses the original device's one-time passwords once the replacement re-pairs for 2FA",
    caughtBy: ['MIG-08'],
  },
  'migration-push-stays-on-original': {
    side: 'server',
    description: 'keeps sending push requests to the original device after the replacement re-pairs',
    caughtBy: ['MIG-07'],
  },
  'migration-list-without-origin': {
    side: 'server',
    description: 'lists the replacement after a migration without migratedFrom, the original it took over',
    caughtBy: ['MIG-05'],
  },
  'no-first-login-setup-offer': {
    side: 'server',
    description: 'ends the first login without offering to set up 2FA',
    caughtBy: ['TFA-01'],
  },
  'setup-offer-skip-ignored': {
    side: 'server',
    description: 'offers to set up 2FA again at every login after the user skipped it',
    caughtBy: ['TFA-01'],
  },
  // The web console (the desktop program's screens).
  'console-names-unescaped': {
    side: 'server',
    description: 'the web console puts device and authenticator names into the page as markup',
    caughtBy: ['DESK-12'],
  },
  'console-setup-offer-hidden': {
    side: 'server',
    description: 'the web console ends the first login without showing its offer to set up 2FA',
    caughtBy: ['TFA-01'],
  },
  'console-backups-hidden': {
    side: 'server',
    description: 'the web console lists each device without what it backed up',
    caughtBy: ['DESK-04'],
  },
  'console-countdown-frozen': {
    side: 'server',
    description: 'the web console shows each countdown once and never counts it down',
    caughtBy: ['DESK-08'],
  },
  'console-secret-key-foreign': {
    side: 'server',
    description: 'the web console’s Show Secret Key shows another key than the one its registration QR code carries',
    caughtBy: ['DESK-06', 'TFA-07'],
  },
  'console-registration-qr-stale': {
    side: 'server',
    description: 'the web console draws each 2FA registration QR code with a token the server never issued',
    caughtBy: ['DESK-10'],
  },
  'console-pairing-qr-foreign-server': {
    side: 'server',
    description: 'the web console draws each pairing QR code with another server id than the server’s own',
    caughtBy: ['DESK-03'],
  },
  'console-countdown-late': {
    side: 'server',
    description: 'the web console counts the push request and the SMS code from 15 s less than the server stated',
    caughtBy: ['DESK-08', 'DESK-10'],
  },
  'console-otp-countdown-whole-step': {
    side: 'server',
    description: 'the web console counts each one-time password from a whole 30-second step, not what is left of it',
    caughtBy: ['DESK-09'],
  },
  'console-migration-names-swapped': {
    side: 'server',
    description: 'the web console says the migration of contents went from the replacement to the original',
    caughtBy: ['MIG-14', 'DESK-05'],
  },
  'console-2fa-screens-on-home': {
    side: 'server',
    description: 'the web console shows Settings > Authentication and the login tab on the Home edition too',
    caughtBy: ['DESK-07'],
    edition: 'home',
  },
  'console-authenticators-unlisted': {
    side: 'server',
    description: 'the web console’s Settings > Authentication shows none of the registered devices',
    caughtBy: ['DESK-06'],
  },
  // The server's 2FA: whether later logins ask for it, where a login's push request goes.
  'recent-second-factor-trusted': {
    side: 'server',
    description:
      'skips the second factor for 10 minutes after a code was taken or a push approved, the set-up’s code included',
    caughtBy: ['TFA-02'],
  },
  'push-sent-to-first-device': {
    side: 'server',
    description: 'sends a login’s push request to the push device registered first, whichever option was chosen',
    caughtBy: ['PUSH-02'],
  },
  'password-of-7-accepted': {
    side: 'server',
    description: 'takes a new password of 7 characters for the password lock and its reset (an off-by-one), not 8',
    caughtBy: ['PWL-11'],
  },
  'trusted-browser-never-recognised': {
    side: 'server',
    description: 'never recognises a trusted browser’s token: "Trust this browser" never skips the code',
    caughtBy: ['DESK-13', 'LOGIN-12'],
  },
  'login-code-countdown-stuck': {
    side: 'server',
    description: 'states a login’s SMS or e-mail code with the time it had left when sent: its countdown never runs',
    caughtBy: ['PWL-08'],
    // Only a moved clock shows a countdown that does not run.
    needsClock: true,
  },
  'code-digits-from-clock': {
    side: 'server',
    description: 'takes an SMS or e-mail code’s six digits from the clock’s seconds: codes sent together repeat',
    caughtBy: ['REC-13'],
  },
  'console-email-countdown-5-minutes': {
    side: 'server',
    description: 'the web console counts the password-lock e-mail code down from 5 minutes, not its 24 hours',
    caughtBy: ['DESK-11'],
  },
  'reset-removes-confirming-device': {
    side: 'server',
    description: 'resets 2FA by removing only the device whose code confirmed it: the others stay, and 2FA stays on',
    caughtBy: ['REC-11'],
  },
  'otp-countdown-wall-clock': {
    side: 'server',
    description: "counts the one-time password prompt's 30-second step down on the machine's clock, not the server's",
    caughtBy: ['TOTP-06'],
    // Only a moved or frozen clock parts from the machine's.
    needsClock: true,
  },
  'forgot-password-link-missing': {
    side: 'server',
    description: 'refuses "Forgot password" at the password prompt as login-state: the lock has no way back in',
    caughtBy: ['PWL-02'],
  },
  // The server's backup, network, pairing, migration and storage rules (LIM, NET, STO).
  'exif-location-dropped': {
    side: 'server',
    description: "keeps an item's EXIF without its GPS tags (a privacy measure): the location is lost on restore",
    caughtBy: ['LIM-06', 'LIM-07'],
  },
  'discovery-announces-default-port': {
    side: 'server',
    description:
      "announces its edition's default TCP port in discovery answers, not the port it took when the default was busy",
    caughtBy: ['NET-08'],
  },
  'job-counts-whole-snapshot': {
    side: 'server',
    description: "counts a finished job's items as every item its snapshot names, not the items the job stored",
    caughtBy: ['BAK-06'],
  },
  // The server's one-time passwords (TOTP-02, TOTP-11), its migration across platforms (MIG-13), its stored
  // files (STO-06), the codes it offers while a push waits (LOGIN-06), push without a recovery phone (TFA-17).
  'otp-leading-zero-refused': {
    side: 'server',
    description:
      'compares one-time passwords as numbers turned back into text: a code with a leading zero never matches',
    caughtBy: ['TOTP-02', 'TOTP-11'],
  },
  'hotp-truncation-fixed-offset': {
    side: 'server',
    description:
      'truncates the HMAC from its first byte, not from the offset its last byte gives (RFC 4226 §5.3 misread)',
    caughtBy: ['TOTP-11'],
  },
  'migration-across-platforms-items-left': {
    side: 'server',
    description:
      'migrating to a phone of the other platform moves the folder and jobs, but leaves the items with the original',
    caughtBy: ['MIG-13'],
  },
  'stored-files-encrypted': {
    side: 'server',
    description:
      'encrypts each stored file at rest under one key built into the server and decrypts it on restore: the folder ' +
      'holds no file anyone can open',
    caughtBy: ['STO-06'],
  },
  'push-wait-offers-pushed-device-codes-only': {
    side: 'server',
    description:
      'while a push request waits, offers one-time passwords only from the device the request went to, not from ' +
      'every registered one',
    caughtBy: ['LOGIN-06'],
  },
  'push-needs-recovery-phone': {
    side: 'server',
    description:
      'refuses to send a login push to a device without a recovery phone (push-unavailable), as if push were ' +
      'only for accounts that can recover',
    caughtBy: ['TFA-17'],
  },
  // The server's ports by edition, pairing, migration, storage and editions (NET, PAIR, MIG, STO, EDN, RFE).
  'lite-udp-past-tcp-range': {
    side: 'server',
    description: "moves Lite's UDP range out of its TCP range's numbers, to 51300-51399, as if the overlap were a typo",
    caughtBy: ['NET-02'],
    edition: 'lite',
  },
  'home-udp-on-tcp-numbers': {
    side: 'server',
    description: 'the Home edition listens for discovery on its TCP numbers (UDP 52000-52099), not 52200-52299',
    caughtBy: ['NET-03'],
    edition: 'home',
  },
  'pairing-qr-default-ports': {
    side: 'server',
    description: "puts its edition's default ports in the pairing QR code, not the ports it took when they were busy",
    caughtBy: ['NET-07'],
  },
  'migration-qr-says-add': {
    side: 'server',
    description: 'writes the QR code of a migration as that of an added device (mode add): no migration is offered',
    caughtBy: ['PAIR-01'],
  },
  'migration-original-unchecked': {
    side: 'server',
    description:
      'issues a migration QR code for an original that is not in its device list; only the pairing refuses it',
    caughtBy: ['MIG-01'],
  },
  'deleted-tab-not-restorable': {
    side: 'server',
    description:
      'refuses to hand out an item in the Delete tab (item-not-found), as if gone from the phone meant gone from it',
    caughtBy: ['RFE-09'],
  },
  'clock-routes-always-on': {
    side: 'server',
    description:
      'leaves the conformance clock on in every build: a server not started for testing advertises it and lets the ' +
      'console move it',
    caughtBy: ['NET-10'],
  },
  'console-pairing-guidance-bare': {
    side: 'server',
    description:
      'the web console’s pairing dialog says only to scan its QR code from the app: no way to the store, no ' +
      'prerequisites (app version, ports to open)',
    caughtBy: ['PAIR-11', 'PAIR-12', 'PAIR-13'],
  },
  'home-without-backup-routes': {
    side: 'server',
    description:
      'builds the Home edition without its backup module: a phone pairs, then every backup and item route answers ' +
      'route-not-found',
    caughtBy: ['EDN-03'],
    edition: 'home',
  },
  'accounts-kept-with-files-only': {
    side: 'server',
    description:
      'keeps a snapshot’s 2FA accounts only when its job stored a file: a backup with nothing new loses them',
    caughtBy: ['SRC-08'],
  },
  // The server's desktop login and 2FA registration: a code's window and candidates, a secret key's registration,
  // an approval after Resend, Resend while a request waits, the QR code of Add, where Forgot password's code went,
  // the device a recovery names, the choices of "Add or migrate device".
  'totp-drift-5-minutes': {
    side: 'server',
    description: 'tolerates 5 minutes of phone clock drift (10 steps either side): a phone 5 minutes off still logs in',
    caughtBy: ['TOTP-09'],
  },
  'named-code-checked-against-first-device': {
    side: 'server',
    description:
      'checks a code entered for a chosen device against the device registered first: the valid code of any ' +
      'other device never logs in',
    caughtBy: ['LOGIN-11'],
  },
  'secret-key-finds-oldest-registration': {
    side: 'server',
    description:
      'finds the registration a typed secret key completes by the username alone, the oldest still open: after ' +
      'Add was clicked twice, the secret key shown and its valid code are refused',
    caughtBy: ['TFA-06'],
  },
  'resent-push-approval-ignored': {
    side: 'server',
    description:
      'logs a login in only by approval of the first push request it sent: after Resend, approving the request ' +
      'the app shows leaves the desktop waiting',
    caughtBy: ['PUSH-03'],
  },
  'push-resend-refused-while-waiting': {
    side: 'server',
    description:
      'refuses Resend as login-state while the push request waits: a phone without a network, which got nothing, ' +
      'leaves the user no new request until the 5 minutes are over',
    caughtBy: ['PUSH-08'],
  },
  'registration-qr-previous-secret': {
    side: 'server',
    description:
      'draws each registration QR code from the registration issued before it: the QR code carries the previous ' +
      'secret key, not the one the answer states',
    caughtBy: ['TFA-03'],
  },
  'recovered-device-unsaid-until-code': {
    side: 'server',
    description:
      'names the device "Unable to login" recovers, and will discard, only once its SMS code is sent: the phone ' +
      'step says nothing of the device chosen',
    caughtBy: ['REC-02'],
  },
  'console-wizard-modes-swapped': {
    side: 'server',
    description:
      'the web console labels each choice of "Add or migrate device" with the other\'s words: the one read as ' +
      'migration adds a device',
    caughtBy: ['DESK-01'],
  },
  'console-original-chooser-stale': {
    side: 'server',
    description:
      'the web console offers as the original device only those paired when its wizard was first opened: a device ' +
      'paired since cannot be migrated from',
    caughtBy: ['DESK-02'],
  },
  'console-code-address-masked': {
    side: 'server',
    description:
      'the web console says the e-mail code of Forgot password was sent to a masked address ("ow***@…"), not to ' +
      "the license's address",
    caughtBy: ['DESK-11', 'PWL-15'],
  },
  // The server's restore of an edited item (RST-01), its destination (STO-08), a saved secret key (TOTP-10),
  // the address and the code of Forgot password (PWL-03, PWL-05), a backup without the internet (RUN-02).
  'restore-reads-first-of-path': {
    side: 'server',
    description:
      'restores an item from the first file stored at its original path: a photo edited on the phone and backed up ' +
      "again comes back with the first job's bytes",
    caughtBy: ['RST-01'],
  },
  'new-files-to-first-destination': {
    side: 'server',
    description:
      'keeps writing new backups to the destination folder its first backup went to: started on another ' +
      'destination (the folder moved to another drive), it stores new files in the old one',
    caughtBy: ['STO-08'],
  },
  'scanned-account-rekeyed': {
    side: 'server',
    description:
      'gives the app that scans the registration QR code a secret key of its own: the saved QR code and secret ' +
      'key, set up on a new phone after the first is lost, make codes the server refuses',
    caughtBy: ['TOTP-10'],
  },
  'license-email-case-sensitive': {
    side: 'server',
    description:
      'compares the address typed at Forgot password letter for letter: the license address with its domain in ' +
      'capitals is refused and gets no code',
    caughtBy: ['PWL-03'],
  },
  'recovery-email-digits-only': {
    side: 'server',
    description:
      'mails only the six digits of the Forgot password code: the e-mail carries no ABCD-123456 code whose letters ' +
      'match the screen',
    caughtBy: ['PWL-05'],
  },
  'backup-start-pushed': {
    side: 'server',
    description:
      'tells the phone through the push notification service that its backup started, and refuses to start the ' +
      'job when that internet service cannot be reached: a LAN alone backs up nothing',
    caughtBy: ['RUN-02'],
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
  'frees-past-limit-reached': {
    side: 'app',
    description: 'goes on removing when removing lands free space exactly on the limit (free space above it stops it)',
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
  'sizes-in-binary-units': {
    side: 'app',
    description: 'writes restore sizes in steps of 1024 with a space before the unit ("2.59 GB"), not as "2.78GB"',
    caughtBy: ['RST-18'],
  },
  'paired-message-unworded': {
    side: 'app',
    description: 'says "Paired with the backup machine." once a phone pairs, not "Device paired successfully"',
    caughtBy: ['PAIR-16'],
  },
  'migration-names-swapped': {
    side: 'app',
    description: 'says the migration of contents went from the replacement to the original, names swapped',
    caughtBy: ['MIG-16'],
  },
  'restore-option-always-original': {
    side: 'app',
    description: 'names the restore option Original location on a replacement too, never Migration',
    caughtBy: ['RST-19'],
  },
  'free-up-status-stale': {
    side: 'app',
    description: 'keeps the Free up space status at "Disabled. …" after the switch is turned on',
    caughtBy: ['FUS-15'],
  },
  'free-up-failure-logged-as-info': {
    side: 'app',
    description: 'logs a free up space whose archiving failed as a Free up space Info entry, not an Error',
    caughtBy: ['LOG-06'],
  },
  'paired-sources-not-preselected': {
    side: 'app',
    description: 'offers Photos alone selected once a phone pairs, not all the backup sources of its platform',
    caughtBy: ['PAIR-17'],
  },
  'free-up-toast-always-enabled': {
    side: 'app',
    description: 'says "Free up space is successfully enabled." when the switch is turned off too',
    caughtBy: ['FUS-17'],
  },
  'migration-dialogs-merged-on-ios': {
    side: 'app',
    description: "shows an iOS replacement Android's one migration screen, without the paired dialog and its OK",
    caughtBy: ['MIG-17'],
  },
  'security-toast-always-enabled': {
    side: 'app',
    description: 'says "Enhanced security for 2FA is successfully enabled." when the switch is turned off too',
    caughtBy: ['ESEC-12'],
  },
  'free-up-limit-set-without-done': {
    side: 'app',
    description: 'sets the free up space limit and leaves the picker on the tap of a limit, without waiting for Done',
    caughtBy: ['FUS-18'],
  },
  'item-restore-on-old-app': {
    side: 'app',
    description:
      'offers the file explorer (single items and folders) on an app before 1.6.0, not the complete set only',
    caughtBy: ['RST-20'],
  },
  'passcode-link-worded-as-android': {
    side: 'app',
    description: 'words the authentication screen’s password link "USE PASSWORD" on iOS too, not "Show Passcode"',
    caughtBy: ['ESEC-11'],
  },
  'contact-us-without-social-media': {
    side: 'app',
    description: 'shows Help > Contact Us without its social media accounts (Facebook, Twitter, LinkedIn, YouTube)',
    caughtBy: ['SET-10'],
  },
  'restore-held-by-charging-only': {
    side: 'app',
    description: 'holds a restore while unplugged with backup while charging only on',
    caughtBy: ['RUN-14'],
  },
  'charging-hold-unexplained': {
    side: 'app',
    description: 'says only "Backup is on hold." when backup while charging only holds it, not that it needs power',
    caughtBy: ['RUN-12'],
  },
  'lan-hold-unexplained': {
    side: 'app',
    description: 'says only "Backup is on hold." off the backup machine\'s LAN, not that it needs that network',
    caughtBy: ['RUN-01'],
  },
  'ios-restore-offers-documents': {
    side: 'app',
    description: 'offers a Documents row on the iOS restore page, as on Android',
    caughtBy: ['RST-04'],
  },
  'secret-key-registration-logged-as-general': {
    side: 'app',
    description: 'logs a registration for 2FA by username and secret key as a General Info entry, not 2FA Info',
    caughtBy: ['LOG-04'],
  },
  // The app's restore page, its file explorer and its restore job.
  'android-restore-without-documents': {
    side: 'app',
    description: 'offers the iOS rows on the Android restore page too, without Documents',
    caughtBy: ['RST-03'],
  },
  'checkbox-blue-when-some': {
    side: 'app',
    description: "colours a kind's checkbox on the restore page blue once any of its items is selected, never orange",
    caughtBy: ['RST-14'],
  },
  'orange-tap-selects-all': {
    side: 'app',
    description: 'selects the rest of a kind on a tap of its orange checkbox, instead of deselecting all of it',
    caughtBy: ['RFE-12'],
  },
  'row-size-of-whole-kind': {
    side: 'app',
    description:
      "writes the size of all of a kind's items in its restore row once any is selected, not of those selected",
    caughtBy: ['RST-13'],
  },
  'empty-kind-without-no-items': {
    side: 'app',
    description: 'shows a kind with nothing backed up as "0 of 0 selected" with a checkbox, not "No items"',
    caughtBy: ['RST-15'],
  },
  'restore-page-opens-with-accounts': {
    side: 'app',
    description: 'opens the restore page with the 2FA accounts already selected',
    caughtBy: ['RST-17'],
  },
  'restore-takes-whole-kind': {
    side: 'app',
    description: 'restores every item of a kind once one of it is selected, on app 1.6.0 and later too',
    caughtBy: ['RST-02'],
  },
  'restore-starts-with-nothing': {
    side: 'app',
    description: 'starts a restore with nothing selected instead of asking the user to select something',
    caughtBy: ['RST-05'],
  },
  'enlarge-rows-as-seed-headers': {
    side: 'app',
    description: "shows 2 thumbnails per row with enlarge off and 4 with it on, as the seed's swapped headers read",
    caughtBy: ['RFE-01'],
  },
  'select-all-first-page-only': {
    side: 'app',
    description: 'selects, on Select all, the first 20 items of a view (the page loaded), not the rest of a longer one',
    caughtBy: ['RFE-03'],
  },
  'deselect-all-leaves-last': {
    side: 'app',
    description: 'leaves the last item of a view selected on Deselect all',
    caughtBy: ['RFE-04'],
  },
  'selection-count-off-by-one': {
    side: 'app',
    description: 'shows one less than the number of items selected in the restore file explorer',
    caughtBy: ['RFE-02'],
  },
  'album-view-by-date': {
    side: 'app',
    description: 'groups the restore file explorer by day in the Album view too, as in the All view',
    caughtBy: ['RFE-05'],
  },
  'skipped-reported-as-restored': {
    side: 'app',
    description: 'reports the items a restore skipped (still on the phone) as restored',
    caughtBy: ['RST-08'],
  },
  'resume-skips-stopped-item': {
    side: 'app',
    description: 'goes on, on Resume restoration, after the item the restore stopped before, leaving that one out',
    caughtBy: ['RST-06'],
  },
  'android-restore-to-one-folder': {
    side: 'app',
    description: 'puts every restored Android file under its name in one Restored folder, not at its original path',
    caughtBy: ['RST-09'],
  },
  'ios-restore-keeps-names': {
    side: 'app',
    description: 'adds restored iOS photos and videos to the library under their original file names',
    caughtBy: ['RST-11'],
  },
  'restored-secret-cut-to-16': {
    side: 'app',
    description: "restores each 2FA account's secret key cut to 16 characters, so a longer key gives wrong codes",
    caughtBy: ['RST-12'],
  },
  'backup-on-any-wifi': {
    side: 'app',
    description: "backs up on any Wi-Fi network, also one where the backup machine is not (not the machine's LAN)",
    caughtBy: ['RUN-01'],
  },
  // The app's backup: its sources, file types, limits, run conditions, free up space, result line and platforms.
  'extension-case-sensitive': {
    side: 'app',
    description: 'matches file extensions as spelled, so IMG_0001.JPG is not backed up as a photo',
    caughtBy: ['FTYPE-06'],
  },
  'tif-photos-skipped': {
    side: 'app',
    description: 'leaves .tif photos out of the backup (its photo list spells .tiff only)',
    caughtBy: ['FTYPE-01'],
  },
  'flv-videos-skipped': {
    side: 'app',
    description: 'leaves .flv videos out of the backup',
    caughtBy: ['FTYPE-02'],
  },
  'txt-documents-skipped': {
    side: 'app',
    description: 'leaves .txt documents out of the backup on Android',
    caughtBy: ['FTYPE-03'],
  },
  'audio-without-documents': {
    side: 'app',
    description: 'backs up audio files as documents with Documents deselected too',
    caughtBy: ['FTYPE-04'],
  },
  'sd-card-documents-backed-up': {
    side: 'app',
    description: 'backs up documents from the SD card on Android, not from the internal storage only',
    caughtBy: ['LIM-01'],
    needsSdCard: true,
  },
  'ios-heif-backed-up-on-android': {
    side: 'app',
    description: 'backs up HEIF/HEIC photos and HEVC videos imported from an iPhone on Android',
    caughtBy: ['LIM-02'],
  },
  'deselected-videos-sent': {
    side: 'app',
    description: 'keeps backing up videos after Videos is deselected',
    caughtBy: ['SRC-06'],
  },
  'android-documents-not-preselected': {
    side: 'app',
    description: 'leaves Documents unselected once an Android phone pairs, the other sources selected',
    caughtBy: ['SRC-03'],
  },
  'holds-at-30-percent': {
    side: 'app',
    description: 'holds backup and restore at exactly 30% battery with power saving on',
    caughtBy: ['RUN-04'],
  },
  'restore-ignores-low-battery': {
    side: 'app',
    description: 'restores below 30% battery with power saving on (the hold applies to backup only)',
    caughtBy: ['RUN-05'],
  },
  'charging-lifts-battery-hold': {
    side: 'app',
    description: 'backs up below 30% battery with power saving on while the device is charging',
    caughtBy: ['RUN-06'],
  },
  'battery-holds-with-power-saving-off': {
    side: 'app',
    description: 'holds backup and restore below 30% battery with power saving off too',
    caughtBy: ['RUN-07'],
  },
  'battery-hold-unexplained': {
    side: 'app',
    description: 'says only "Backup is on hold." when power saving holds it, not that the battery is below 30%',
    caughtBy: ['RUN-09'],
  },
  'sd-card-media-skipped': {
    side: 'app',
    description: 'leaves photos and videos on the SD card out of the backup on Android',
    caughtBy: ['SRC-07'],
    needsSdCard: true,
  },
  'ios-documents-selectable': {
    side: 'app',
    description: 'lets Documents be selected as a backup source on iOS',
    caughtBy: ['SRC-02'],
  },
  'ios-accounts-not-preselected': {
    side: 'app',
    description: 'leaves 2FA accounts unselected once an iPhone pairs, the other sources selected',
    caughtBy: ['SRC-04'],
  },
  'android-result-without-files': {
    side: 'app',
    description: 'reports a finished Android backup without its Files count, as on iOS',
    caughtBy: ['BAK-04'],
  },
  'ios-result-with-files': {
    side: 'app',
    description: 'reports a finished iOS backup with a Files count, as on Android',
    caughtBy: ['BAK-05'],
  },
  'archived-count-unreported': {
    side: 'app',
    description: 'leaves out of the Android backup result how many items free up space archived',
    caughtBy: ['FUS-14'],
  },
  'android-7-supported': {
    side: 'app',
    description: 'installs and runs on Android 7',
    caughtBy: ['PLAT-01'],
  },
  'ios-11-supported': {
    side: 'app',
    description: 'installs and runs on iOS 11',
    caughtBy: ['PLAT-02'],
  },
  'write-storage-not-asked': {
    side: 'app',
    description: 'does not ask for Write External Storage on its first launch on Android',
    caughtBy: ['PLAT-03'],
  },
  'auto-launch-not-asked': {
    side: 'app',
    description: 'does not ask to auto-launch and run in the background on its first launch on Android',
    caughtBy: ['PLAT-04'],
  },
  'ios-notifications-not-asked': {
    side: 'app',
    description: 'asks for Notifications on iOS at the first push, not on its first launch',
    caughtBy: ['PLAT-05'],
  },
  'limit-in-gibibytes': {
    side: 'app',
    description: 'reckons the free up space limit in GiB (2^30 bytes), so it frees with the limit already free',
    caughtBy: ['FUS-03'],
  },
  'frees-with-switch-off': {
    side: 'app',
    description: 'frees up space below the limit with the free up space switch off too',
    caughtBy: ['FUS-04'],
  },
  'held-backup-waits-for-tap': {
    side: 'app',
    description: 'leaves a held backup held once plugged in (or otherwise cleared) until Resume Backup is tapped',
    caughtBy: ['RUN-13'],
  },
  'ios-backs-up-in-background': {
    side: 'app',
    description: 'runs automated backup on iOS while the app is in the background',
    caughtBy: ['RUN-17'],
  },
  'android-backs-up-in-foreground-only': {
    side: 'app',
    description: 'runs automated backup on Android only while the app is in the foreground',
    caughtBy: ['RUN-16'],
  },
  'automated-backup-off-ignored': {
    side: 'app',
    description: 'backs up new items by itself with automated backup off',
    caughtBy: ['RUN-18'],
  },
  'android-asks-before-freeing': {
    side: 'app',
    description: 'asks the user before free up space removes items on Android, as on iOS',
    caughtBy: ['FUS-10'],
  },
  'ios-note-without-advice': {
    side: 'app',
    description: 'notes on iOS that removed items stay in Recently Deleted, without advising to clear it by hand',
    caughtBy: ['FUS-16'],
  },
  'restored-timestamps-kept': {
    side: 'app',
    description: "sets a restored file's modification time back to the original's",
    caughtBy: ['LIM-08'],
  },
  'ios-restore-keeps-exif': {
    side: 'app',
    description: 'writes the whole backed-up EXIF back into a photo or video restored on iOS',
    caughtBy: ['LIM-05'],
  },
  'sd-card-restored-without-permission': {
    side: 'app',
    description: 'restores items to their place on the SD card without the SD card permission',
    caughtBy: ['RST-10'],
    needsSdCard: true,
  },
  'freed-items-not-archived': {
    side: 'app',
    description: 'removes items by free up space without telling the server, so they land in Delete, not Archive',
    caughtBy: ['FUS-13'],
  },
  // The app's 2FA page, its push notifications and enhanced security.
  'code-late-at-step-change': {
    side: 'app',
    description: 'shows the last step’s one-time password for the first second of each new 30-second step',
    caughtBy: ['TOTP-03'],
  },
  'codes-blank-offline': {
    side: 'app',
    description: 'shows no one-time password ("------") while the phone has no network',
    caughtBy: ['TOTP-07'],
  },
  'notification-when-denied': {
    side: 'app',
    description: 'raises a notification for a push request once the user answered the prompt, even with a denial',
    caughtBy: ['PUSH-09'],
  },
  'security-on-by-default': {
    side: 'app',
    description: 'turns enhanced security for 2FA on at installation',
    caughtBy: ['ESEC-01'],
  },
  'security-on-without-screen-lock': {
    side: 'app',
    description: 'offers to turn enhanced security on without a screen lock, leaving it to the system prompt',
    caughtBy: ['ESEC-02'],
  },
  'security-off-without-authentication': {
    side: 'app',
    description: 'turns enhanced security off on a tap, asking for the device password or a biometric only to turn on',
    caughtBy: ['ESEC-03'],
  },
  'approval-without-security': {
    side: 'app',
    description: 'approves a push request without the device authentication while enhanced security is on',
    caughtBy: ['ESEC-04'],
  },
  'page-open-without-security': {
    side: 'app',
    description: 'opens the 2FA page and its codes without the device authentication while enhanced security is on',
    caughtBy: ['ESEC-05'],
  },
  'failed-biometrics-never-lock': {
    side: 'app',
    description: 'counts only failed passwords towards the lock, so failed biometrics go on without end',
    caughtBy: ['ESEC-08'],
  },
  'lock-lets-right-secret-through': {
    side: 'app',
    description: 'checks the secret before the lock: the right one opens the locked 2FA page before the wait is over',
    caughtBy: ['ESEC-09'],
  },
  'lock-held-at-its-end': {
    side: 'app',
    description:
      'holds the lock through the instant its wait ends (<= where < belongs), refusing the right secret there',
    caughtBy: ['ESEC-10'],
  },
  'approval-asks-when-off': {
    side: 'app',
    description: 'asks for the device password or a biometric before every approval, with enhanced security off too',
    caughtBy: ['ESEC-06'],
  },
  'password-refused-with-biometric': {
    side: 'app',
    description: 'refuses the device password on a phone with a biometric enrolled, taking the biometric only',
    caughtBy: ['ESEC-07'],
  },
  'account-name-cut-to-32': {
    side: 'app',
    description: 'keeps only the first 32 characters of a 2FA account’s name, though names of up to 128 are taken',
    caughtBy: ['TFA-13'],
  },
  // The app's pairing, connection setting and log.
  'pairs-before-confirmation': {
    side: 'app',
    description: 'pairs as soon as a pairing QR code is detected, so Cancel on the dialog leaves the phone paired',
    caughtBy: ['PAIR-03'],
  },
  'manual-host-not-kept': {
    side: 'app',
    description: 'connects through a typed host on Save & Connect but keeps automatic mode as the stored setting',
    caughtBy: ['PAIR-09'],
  },
  'log-filter-by-category': {
    side: 'app',
    description: 'filters the app log by category: ticking Backup Error lists Backup Info entries too',
    caughtBy: ['LOG-03'],
  },
  // The app's settings and Help.
  'version-without-patch': {
    side: 'app',
    description: 'shows Help > Version as the major and minor number only ("Version 1.6" for 1.6.2)',
    caughtBy: ['SET-09'],
  },
  'faq-only-a-link': {
    side: 'app',
    description: 'shows Help > FAQ as a link to a web page, with no question on it',
    caughtBy: ['SET-11'],
  },
  'first-language-always-english': {
    side: 'app',
    description: 'starts in English on a phone set up in another language the app offers',
    caughtBy: ['SET-07'],
  },
  // The app's settings: their defaults, the free up space limits and languages they take, the accounts' order.
  'free-up-space-on-by-default': {
    side: 'app',
    description: 'ships with free up space switched on: backed-up photos leave the phone without the user asking',
    caughtBy: ['FUS-01'],
  },
  'power-saving-off-by-default': {
    side: 'app',
    description: 'ships with power saving mode off, so a backup runs on below 30% battery',
    caughtBy: ['RUN-08'],
  },
  'charging-only-on-by-default': {
    side: 'app',
    description: 'ships with backup while charging only on, so nothing is backed up until the phone is plugged in',
    caughtBy: ['RUN-11'],
  },
  'automated-backup-off-by-default': {
    side: 'app',
    description: 'ships with automated backup off (opt-in): new photos wait for a tap on Backup',
    caughtBy: ['RUN-15'],
  },
  'free-up-limit-any-in-range': {
    side: 'app',
    description: 'takes any free up space limit between 2 and 10 GB (3, 5, 2.5), not only the five the picker lists',
    caughtBy: ['FUS-02'],
  },
  'one-chinese-language': {
    side: 'app',
    description: 'offers one "Chinese" in place of Chinese (Simplified) and Chinese (Traditional)',
    caughtBy: ['SET-04'],
  },
  'norwegian-as-bokmal-and-nynorsk': {
    side: 'app',
    description: 'offers Norwegian Bokmål and Norwegian Nynorsk in place of Norwegian',
    caughtBy: ['SET-05'],
  },
  'one-portuguese-language': {
    side: 'app',
    description: 'offers one "Portuguese" in place of Portuguese (Brazilian) and Portuguese (Portugal)',
    caughtBy: ['SET-06'],
  },
  'account-order-lost-on-add': {
    side: 'app',
    description:
      'lists the 2FA accounts in the order they were added after each add: a reorder is lost on the next add',
    caughtBy: ['TFA-15'],
  },
  'jpeg-backed-up-as-photo': {
    side: 'app',
    description: 'backs up a .jpeg file as a photo, though no list names the extension',
    caughtBy: ['FTYPE-05'],
  },
  'deleted-items-archived': {
    side: 'app',
    description:
      'archives every backed-up item gone from the phone at the end of a backup: what the user deleted lands in ' +
      'Archive, not Delete',
    caughtBy: ['RFE-08'],
  },
  // The app's menus, languages, log of failures, 2FA accounts, sources and restore on Android.
  '2fa-page-named-authenticator': {
    side: 'app',
    description: 'names the 2FA page Authenticator in the tab bar',
    caughtBy: ['SET-01'],
  },
  'language-left-out-of-more': {
    side: 'app',
    description: 'leaves Language out of More: the app follows the phone’s language, with no choice of its own',
    caughtBy: ['SET-02'],
  },
  'ukrainian-as-32nd-language': {
    side: 'app',
    description: 'offers a 32nd language, Ukrainian, added with a translation the seed’s list does not name',
    caughtBy: ['SET-03'],
  },
  'app-log-only-in-debug-builds': {
    side: 'app',
    description: 'offers Help > App Log in debug builds only: a release build’s Help has no App Log',
    caughtBy: ['SET-08'],
  },
  'restore-failure-logged-as-backup': {
    side: 'app',
    description: 'logs every failed job under Backup: a failed restore writes a Backup Error entry',
    caughtBy: ['LOG-05'],
  },
  'removes-account-below': {
    side: 'app',
    description: 'removes the 2FA account below the one chosen (the chosen one when it is last)',
    caughtBy: ['TFA-14'],
  },
  'android-documents-not-reselectable': {
    side: 'app',
    description: 'refuses to switch Documents on again once deselected, on Android too',
    caughtBy: ['SRC-01'],
  },
  'ios-heif-not-restored-on-android': {
    side: 'app',
    description: 'skips HEIF/HEIC photos and HEVC videos when restoring to an Android phone',
    caughtBy: ['LIM-03'],
  },
  'log-entries-dated-by-day': {
    side: 'app',
    description: 'stores the date of each log entry without its time: every entry shows midnight',
    caughtBy: ['LOG-01'],
  },
  'restore-with-skips-logged-as-warning': {
    side: 'app',
    description: 'logs a restore that skipped items as a Restore Warning, a type outside the ten',
    caughtBy: ['LOG-02'],
  },
  'refused-secret-account-kept': {
    side: 'app',
    description:
      'keeps the account of a secret-key registration the server refused: the 2FA page shows codes no server takes',
    caughtBy: ['TFA-08'],
  },
  // The app's backup job, free up space within it, and the restore page (BAK-03, RUN-10, FUS-09, RFE-11, ...).
  'battery-checked-at-start-only': {
    side: 'app',
    description: 'reads the battery when a backup starts only: a job running when it falls below 30% goes on',
    caughtBy: ['RUN-10'],
  },
  'lost-lan-fails-backup': {
    side: 'app',
    description: 'ends a backup that loses the LAN part-way as failed, offering Backup again, not Resume Backup',
    caughtBy: ['BAK-03'],
  },
  'frees-up-before-uploading': {
    side: 'app',
    description:
      "frees up space as a backup job starts, not after its uploads: the job's own items wait for the next job",
    caughtBy: ['FUS-09'],
  },
  'kind-tap-selects-recent-only': {
    side: 'app',
    description:
      "selects, on a tap of a kind's empty checkbox, its items in the Recent tab only, not in Archive and Delete",
    caughtBy: ['RFE-11'],
  },
  'archive-lists-own-backups-only': {
    side: 'app',
    description:
      'lists in the Archive tab only the items this phone backed up: a replacement misses those it inherited',
    caughtBy: ['MIG-11'],
  },
  'item-tap-never-deselects': {
    side: 'app',
    description: 'ticks a single item in the restore file explorer on every tap: a second tap does not deselect it',
    caughtBy: ['RFE-14'],
  },
  'album-view-recent-only': {
    side: 'app',
    description: 'groups the Archive and Delete tabs by date in the Album view too: only Recent is shown by album',
    caughtBy: ['RFE-15'],
  },
  'documents-by-date': {
    side: 'app',
    description: 'groups documents in the restore file explorer by date or album like photos, not by folder',
    caughtBy: ['RFE-13'],
  },
  'backup-offered-unpaired': {
    side: 'app',
    description: 'lets Backup be tapped before pairing: the job starts and fails, instead of asking to pair first',
    caughtBy: ['PAIR-04'],
  },
  'qr-host-kept-as-manual': {
    side: 'app',
    description: "keeps the pairing QR code's host as a typed host, not automatic mode: a machine that moves is lost",
    caughtBy: ['PAIR-05'],
  },
  'frees-at-limit': {
    side: 'app',
    description: 'frees up space with exactly the limit free ("below" read as "at or below"): the oldest photo goes',
    caughtBy: ['FUS-05'],
  },
  'stop-only-when-held': {
    side: 'app',
    description: 'offers Stop only on a held backup: a job that is sending items cannot be stopped',
    caughtBy: ['BAK-01'],
  },
  // The app's connection setting, the 2FA accounts on restore, the explorer's tabs, iOS free up space, tablets.
  'auto-dials-default-port': {
    side: 'app',
    description: "dials the edition's default TCP port in automatic mode, not the port the discovery answer gives",
    caughtBy: ['PAIR-06'],
  },
  'invalid-host-times-out': {
    side: 'app',
    description: 'sends a malformed typed host to the resolver and shows a generic time-out, not the seed message',
    caughtBy: ['PAIR-08'],
  },
  'host-editable-while-connecting': {
    side: 'app',
    description: 'leaves the host field editable while Save & Connect tries the typed host',
    caughtBy: ['PAIR-07'],
  },
  'accounts-ticked-one-by-one': {
    side: 'app',
    description: 'ticks one 2FA account per tap on the restore page, not the accounts as one group',
    caughtBy: ['RST-16'],
  },
  'secret-entry-needs-camera': {
    side: 'app',
    description: 'offers "Not able to scan QR code?" only on a phone with a camera: one without cannot register 2FA',
    caughtBy: ['TFA-12'],
  },
  'recent-lists-freed-items': {
    side: 'app',
    description: 'lists in the Recent tab the items free up space removed (Archive) too, not only those on the phone',
    caughtBy: ['RFE-06'],
  },
  'ios-free-up-empties-recently-deleted': {
    side: 'app',
    description: 'empties Recently Deleted on iOS once free up space removed items, so their space is free at once',
    caughtBy: ['FUS-12'],
  },
  'ipad-refused': {
    side: 'app',
    description: 'is built for iPhone only: refuses to install on an iPad, which the seed names among iOS devices',
    caughtBy: ['PLAT-06'],
  },
  'backup-needs-internet': {
    side: 'app',
    description: "holds backup and restore on the backup machine's LAN when that LAN has no internet access",
    caughtBy: ['RUN-02'],
  },
  'restore-lists-kept': {
    side: 'app',
    description: "keeps the restore explorer's lists from their first opening: a later backup's state is not offered",
    caughtBy: ['RST-01'],
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
