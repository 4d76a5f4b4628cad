/**
 * The one catalogue of error codes. Every error the server sends is `{ code, message, details? }` with a code from
 * here; clients and suites classify errors by `code`, never by message text.
 */
export const ERRORS = {
  // request shape
  'invalid-json': { status: 400, message: 'The request body is not valid JSON.' },
  'invalid-request': { status: 400, message: 'The request does not match the protocol schema.' },
  'unsupported-media-type': { status: 415, message: 'The request body has a content type this route does not take.' },
  'body-too-large': { status: 413, message: 'The request body is larger than the server accepts.' },
  'route-not-found': { status: 404, message: 'No such route in protocol v1.' },
  'method-not-allowed': { status: 405, message: 'The route exists but not with this method.' },
  'expectation-failed': { status: 417, message: 'The server does not support this Expect header.' },
  'invalid-name': {
    status: 400,
    message: 'A name is empty, too long, or contains a path separator, NUL or another forbidden character.',
  },
  // authentication
  'device-unauthorized': { status: 401, message: 'The device key is missing, unknown or revoked.' },
  'console-unauthorized': { status: 401, message: 'The console key is missing or wrong.' },
  // conformance testing
  'conformance-clock-off': {
    status: 403,
    message: 'The conformance clock is off: this server was not started for conformance testing.',
  },
  // pairing and devices
  'pairing-token-invalid': { status: 401, message: 'The pairing token is unknown.' },
  'pairing-token-expired': { status: 410, message: 'The pairing token has expired.' },
  'pairing-token-used': { status: 409, message: 'The pairing token has already been used.' },
  'pairing-payload-invalid': { status: 400, message: 'The pairing QR payload is not a protocol v1 pairing payload.' },
  'pairing-edition-mismatch': { status: 409, message: 'The pairing payload is for another edition than this server.' },
  'device-already-paired': { status: 409, message: 'This app installation is already paired with this server.' },
  'migration-target-paired': {
    status: 409,
    message: 'The replacement device is already paired; migration needs a device that is not.',
  },
  'device-not-found': { status: 404, message: 'No such device.' },
  'pairing-not-found': { status: 404, message: 'No such pairing.' },
  // versions (conformance/spec/versions.ts)
  'desktop-version-unsupported': {
    status: 409,
    message: 'This desktop-program version does not offer the feature; it needs a later version.',
  },
  'app-version-unsupported': {
    status: 409,
    message: 'The app version stated is older than the feature needs; update the app and try again.',
  },
  // backup
  'backup-not-found': { status: 404, message: 'No such backup job for this device.' },
  'backup-closed': { status: 409, message: 'The backup job has already been committed.' },
  'unsupported-file-type': {
    status: 422,
    message: 'The file extension is not a supported photo, video or document type.',
  },
  'item-kind-mismatch': { status: 422, message: 'The item kind does not match its file extension.' },
  'item-too-large': { status: 413, message: 'The declared item size is larger than the server accepts.' },
  'upload-not-found': { status: 404, message: 'No such upload in progress for this device.' },
  'upload-offset-mismatch': { status: 409, message: "Bytes may only be appended at the upload's current offset." },
  'upload-length-required': { status: 411, message: 'An append needs a Content-Length header.' },
  'upload-exceeds-size': { status: 413, message: 'The appended bytes would go past the declared item size.' },
  'upload-checksum-mismatch': {
    status: 422,
    message: 'The uploaded bytes do not hash to the declared SHA-256; the upload was discarded.',
  },
  'snapshot-items-missing': { status: 409, message: 'The snapshot names items the server does not hold.' },
  'snapshot-not-found': { status: 404, message: 'No snapshot has been committed for this device.' },
  // restore
  'item-not-found': { status: 404, message: 'No such item for this device.' },
  'range-not-satisfiable': { status: 416, message: 'The requested byte range is outside the item.' },
  // the server's own disk
  'server-disk-full': {
    status: 507,
    message: "The server's disk is full: nothing of this request was kept. Try again once it has room.",
  },
  // a defect in the server itself: never expected, and the fuzz tests prove no input leads here
  'internal-error': { status: 500, message: 'The server failed unexpectedly; see its log.' },
  // two-factor authentication
  '2fa-not-supported': {
    status: 404,
    message: 'Two-factor authentication is not available on this edition or desktop-program version.',
  },
  'authenticator-unauthorized': {
    status: 401,
    message: 'The authenticator key is missing, unknown or revoked (the authenticator was removed or discarded).',
  },
  'authenticator-not-found': { status: 404, message: 'No such registered authenticator.' },
  'authenticator-already-registered': {
    status: 409,
    message: 'This app installation is already a registered authenticator of this server.',
  },
  'registration-invalid': {
    status: 401,
    message: 'The 2FA registration token, or the username and secret key, match no registration.',
  },
  'registration-expired': { status: 410, message: 'The 2FA registration has expired; add the authenticator again.' },
  'registration-used': { status: 409, message: 'The 2FA registration has already been completed.' },
  'otp-invalid': { status: 401, message: 'The one-time password does not match.' },
  'otp-replayed': { status: 401, message: 'This one-time password has already been used; wait for the next one.' },
  'otp-throttled': {
    status: 429,
    message: 'Too many wrong codes or passwords in a row; try again after details.retryAfterMs milliseconds.',
  },
  'send-limited': {
    status: 429,
    message:
      'Too many codes sent for this step in a short time; no message was sent. Try again after details.retryAfterMs milliseconds.',
  },
  'password-invalid': { status: 401, message: 'The password lock password is wrong.' },
  'password-mismatch': { status: 400, message: 'The new password and its confirmation differ.' },
  'verification-code-invalid': { status: 401, message: 'The verification code does not match.' },
  'verification-code-expired': { status: 410, message: 'The verification code has expired; send a new one.' },
  'recovery-phone-missing': {
    status: 409,
    message: 'This authenticator has no verified recovery phone number, so it cannot be recovered by SMS.',
  },
  'recovery-phone-mismatch': {
    status: 403,
    message: 'The phone number is not the registered recovery phone number; no SMS was sent.',
  },
  'email-mismatch': {
    status: 403,
    message: 'The e-mail address is not the one of the license; no e-mail was sent.',
  },
  'push-unavailable': {
    status: 409,
    message: 'This authenticator takes no push requests (one-time passwords only, or replaced by a re-paired device).',
  },
  'push-not-found': { status: 404, message: 'No such push request for this authenticator.' },
  'push-expired': { status: 410, message: 'The push request is older than 5 minutes and can no longer be answered.' },
  'push-voided': {
    status: 410,
    message: 'The push request was voided: a newer one was sent, or the login ended another way.',
  },
  'push-already-answered': { status: 409, message: 'The push request has already been approved or rejected.' },
  'push-number-mismatch': {
    status: 403,
    message: 'The number does not match the one the desktop shows; the request counts as rejected.',
  },
  'login-not-found': { status: 404, message: 'No such login.' },
  'login-state': {
    status: 409,
    message: "The login's current state does not allow this action; details.state names the state.",
  },
  'gateway-failed': { status: 502, message: 'The SMS or e-mail gateway did not take the message; nothing was sent.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Codes of the catalogue that the app raises itself and no route answers (the app refusing a QR code it scanned). */
export const APP_SIDE_CODES: readonly ErrorCode[] = ['pairing-payload-invalid'];

/**
 * Codes the kit raises itself, never sent by a server: a server could not be reached or broke the protocol, or
 * local input (a device profile, a matrix, a host name, a QR payload) is wrong, or the app model refuses an action.
 * A conformance run reports the first group against the target, the rest against its input.
 */
export const CLIENT_ERRORS = {
  unreachable: 'The server could not be reached.',
  timeout: 'The server did not answer in time.',
  'protocol-violation': 'The server answered something protocol v1 does not allow.',
  'profile-invalid': 'A device profile does not match the profile schema.',
  'profile-not-found': 'No device profile has this id.',
  'matrix-invalid': 'A device matrix file is not valid.',
  'os-unsupported': 'The app does not run on this OS version (Android 8 or later, iOS 12.0 or later).',
  'host-invalid': 'Connection failed. Make sure you have entered the correct host name / IP address.',
  'not-paired': 'The app is not paired with a backup server.',
  'already-paired': 'The app is already paired with a backup server.',
  'backup-source-empty': 'Select at least one backup source.',
  'job-running': 'A backup or restore job is already running.',
  'no-job': 'There is no job to stop or resume.',
  'restore-nothing-selected': 'Select photos, videos, documents or 2FA accounts to be able to restore.',
  'media-invalid': 'A media item is not valid for this device.',
  'storage-full': 'The device does not have enough free storage.',
  'config-invalid': 'The run configuration file is not valid.',
  'requirement-unknown': 'No requirement or check has this id.',
  'baseline-invalid': 'The expected-failures file is not valid.',
  'corpus-invalid': 'A corpus entry (a kept failing seed) is missing, unreadable or not valid.',
  'otpauth-invalid': 'The QR code or secret key is not a TOTP account the app can add.',
  'account-not-found': 'No 2FA account with this id in the app.',
  'security-unavailable': 'Set a screen lock on the device first: enhanced security for 2FA needs it.',
  'security-locked': 'Too many failed attempts. Try again later.',
  'authentication-failed': 'The device password or biometric did not match.',
  'fault-unknown': 'No faulty variant has this name.',
  // the simulated app driven over WebDriver (simulators/session, devices/appium-driver)
  'capability-invalid': 'A session capability is unknown or has a value the driver does not take.',
  'execute-method-unknown': 'No execute method has this name.',
  'execute-params-invalid': "The execute method's parameters do not match its schema.",
  'element-not-found': 'No element on the current screen matches the locator.',
  'element-stale': 'The element is no longer on the current screen.',
  'locator-invalid': 'The locator strategy or selector is not one the driver takes.',
  'prompt-not-open': 'The app is not showing the QR scanner or an authentication prompt.',
  'appium-unavailable': 'The Appium server could not be started, or did not answer.',
  'emulator-unavailable': 'No Android SDK and emulator, or no Xcode and iOS simulator, on this machine.',
  'device-control-unavailable':
    "The endpoint runs the app build but not the kit's mobile: methods that set the device's battery, media and network.",
  // shards and containers (mbsc merge, --server-image)
  'merge-refused': 'These run results cannot be merged into one run (different seeds, kits, targets or selections).',
  'merge-incomplete': 'Some shards of the run are missing or tested nothing, so their checks did not run.',
  'summary-invalid': 'The file is missing or is not a run summary (summary.json) of this kit.',
  'container-runtime-unavailable': 'No container runtime (such as a Docker engine) is available to start the image.',
  'container-start-failed': 'The server image did not start, or its server did not answer on its HTTP port.',
  // the report writers (reports/)
  'report-history-missing': 'The folder holds no Allure history (history/history.json) to carry into this report.',
  // the load mode (mbsc load)
  'load-limits': 'The load run asks for more phones or a longer run than the load mode drives.',
  'load-host-refused':
    'On this machine the load mode drives servers on the loopback interface only (127.0.0.1, ::1, localhost).',
  'load-answer-unexpected':
    'The server answered within the protocol, but not as the phone expected (a login not logged in, other bytes).',
  'load-client-failed': 'The load client itself failed on an answer it could not handle.',
  // the kit's own machine
  'ports-moving':
    "Other programs on the kit's machine kept taking and freeing ports of the edition's ranges while the kit started servers, so which ports a server chose could not be judged. On Linux the kernel lends such ports to client sockets; as root, `echo 50000-52399 > /proc/sys/net/ipv4/ip_local_reserved_ports` stops it.",
  'machine-too-slow':
    "The kit's machine was too busy for the kit to take a server's requests in time, again and again, so the server's answer could not be told from the kit's own slowness.",
  // a slow round trip
  'deadline-out-of-reach':
    "The server's answers took too long for the kit to land a call just before a deadline it must judge, so that edge could not be judged; the server may still keep it.",
  // the self-test's vendor path (mbsc selftest --vendor-path)
  'server-start-failed':
    'A server the kit started exited, did not say where it listens in time, or could not be used as the kit needs it.',
} as const satisfies Record<string, string>;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The body of every error response. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export class ClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message ?? CLIENT_ERRORS[code]);
    this.name = 'ClientError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}

/** An error carrying a catalogued code; thrown by server services, clients and models alike. */
export class MbsError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Readonly<Record<string, unknown>>) {
    super(message ?? ERRORS[code].message);
    this.name = 'MbsError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}
