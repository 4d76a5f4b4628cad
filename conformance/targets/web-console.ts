/**
 * A desktop program's screens as a web page the kit drives in Chromium: where it is, and how to find each thing a
 * check looks at (a locator map, as the emulator path has for an app's screens). The reference console's map is
 * the default; a vendor's console comes with its own JSON file of the same keys (`--console-locators FILE`).
 */
import { ClientError } from '../spec/errors.js';

export const CONSOLE_LOCATOR_KEYS = [
  'ready',
  'keyInput',
  'signIn',
  'signInError',
  'authenticationTab',
  'loginTab',
  'mobileBackupTab',
  'addOrMigrate',
  'modeAdd',
  'modeMigrate',
  'originalDevice',
  'migrateNote',
  'wizardNext',
  'pairingDialog',
  'qrImage',
  'registrationQr',
  'tcpPort',
  'udpPort',
  'prerequisites',
  'pairingOutcome',
  'pairingDone',
  'deviceRows',
  'deviceName',
  'deviceModel',
  'backupFolder',
  'deviceBackups',
  'backupItem',
  'twoFactorSwitch',
  'addAuthenticator',
  'notAbleToScan',
  'showSecretKey',
  'secretKey',
  'registrationClose',
  'authenticatorRows',
  'startLogin',
  'loginState',
  'password',
  'loginSubmit',
  'forgotPassword',
  'forgotEmail',
  'forgotNext',
  'codeSentTo',
  'emailCodeLetters',
  'emailCodeDigits',
  'emailCodeCountdown',
  'newPassword',
  'confirmPassword',
  'resetNext',
  'pushDevice',
  'pushCountdown',
  'pushResend',
  'useOtp',
  'otpCode',
  'otpCountdown',
  'trustBrowser',
  'otpNext',
  'unableToLogin',
  'recoveryDevice',
  'recoveryNext',
  'recoveryDiscard',
  'phoneLastDigits',
  'recoveryPhone',
  'phoneNext',
  'smsCodeLetters',
  'smsCodeDigits',
  'smsCodeCountdown',
  'smsResend',
  'smsNext',
  'loggedIn',
  'setupOffer',
  'setupNow',
  'setupSkip',
  'connection',
] as const;
export type ConsoleLocatorKey = (typeof CONSOLE_LOCATOR_KEYS)[number];
export type ConsoleLocators = Readonly<Record<ConsoleLocatorKey, string>>;

/** The reference console's (reference-server/console/): CSS selectors, as Playwright takes them. */
export const REFERENCE_CONSOLE_LOCATORS = {
  ready: 'html[data-ready=console]',
  keyInput: '#console-key',
  signIn: '#sign-in-form button[type=submit]',
  signInError: '#sign-in-error',
  authenticationTab: '#tab-authentication',
  loginTab: '#tab-login',
  mobileBackupTab: 'nav [data-tab=mobile-backup]',
  addOrMigrate: '#add-or-migrate',
  modeAdd: 'label[for=mode-add]',
  modeMigrate: 'label[for=mode-migrate]',
  originalDevice: '#original-device',
  migrateNote: '#migrate-note',
  wizardNext: '#wizard-next',
  pairingDialog: '#pairing',
  qrImage: '#pairing img[data-qr]',
  registrationQr: '.registration img[data-qr]',
  tcpPort: '#tcp-port',
  udpPort: '#udp-port',
  prerequisites: '#prerequisites',
  pairingOutcome: '#pairing-outcome',
  pairingDone: '#pairing-done',
  deviceRows: '#device-list tr',
  deviceName: '.device-name',
  deviceModel: '.device-model',
  backupFolder: '.backup-folder',
  deviceBackups: '.device-backups',
  backupItem: '.backup-item',
  twoFactorSwitch: '#two-factor-switch',
  addAuthenticator: '#add-authenticator',
  notAbleToScan: '#not-able-to-scan',
  showSecretKey: '#show-secret-key',
  secretKey: '#secret-key',
  registrationClose: '#registration-close',
  authenticatorRows: '#authenticator-list tr',
  startLogin: '#start-login',
  loginState: '#login-body',
  password: '#login-password',
  loginSubmit: '#login-submit',
  forgotPassword: '#forgot-password',
  forgotEmail: '#forgot-email',
  forgotNext: '#forgot-next',
  codeSentTo: '#code-sent-to',
  emailCodeLetters: '#email-code-letters',
  emailCodeDigits: '#email-code-digits',
  emailCodeCountdown: '#email-code-countdown',
  newPassword: '#new-password',
  confirmPassword: '#confirm-password',
  resetNext: '#reset-next',
  pushDevice: '.push-device',
  pushCountdown: '#push-countdown',
  pushResend: '#push-resend',
  useOtp: '#use-otp',
  otpCode: '#otp-code',
  otpCountdown: '#otp-countdown',
  trustBrowser: '#trust-browser',
  otpNext: '#otp-next',
  unableToLogin: '#unable-to-login',
  recoveryDevice: '#recovery-device',
  recoveryNext: '#recovery-next',
  recoveryDiscard: '#recovery-discard',
  phoneLastDigits: '#phone-last-digits',
  recoveryPhone: '#recovery-phone',
  phoneNext: '#phone-next',
  smsCodeLetters: '#sms-code-letters',
  smsCodeDigits: '#sms-code-digits',
  smsCodeCountdown: '#sms-code-countdown',
  smsResend: '#sms-resend',
  smsNext: '#sms-next',
  loggedIn: '#logged-in',
  setupOffer: '#setup-offer',
  setupNow: '#setup-now',
  setupSkip: '#setup-skip',
  connection: '#connection',
} as const satisfies ConsoleLocators;

export interface WebConsole {
  /** The console's address: the page a person opens. */
  readonly url: string;
  readonly locators: ConsoleLocators;
}

/**
 * A vendor's locator map, read from JSON: every key, each a non-empty selector, and no other; anything else is an
 * invalid configuration (`config-invalid`), named with `file`.
 */
export function parseConsoleLocators(json: unknown, file: string): ConsoleLocators {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ClientError('config-invalid', `${file}: a console locator map is a JSON object of selectors`);
  }
  const map = json as Record<string, unknown>;
  const missing = CONSOLE_LOCATOR_KEYS.filter((k) => typeof map[k] !== 'string' || map[k] === '');
  const unknown = Object.keys(map).filter((k) => !(CONSOLE_LOCATOR_KEYS as readonly string[]).includes(k));
  if (missing.length > 0 || unknown.length > 0) {
    throw new ClientError(
      'config-invalid',
      `${file}: ${missing.length > 0 ? `no selector for ${missing.join(', ')}` : ''}` +
        `${missing.length > 0 && unknown.length > 0 ? '; ' : ''}` +
        `${unknown.length > 0 ? `unknown keys ${unknown.join(', ')}` : ''}`,
    );
  }
  return map as ConsoleLocators;
}
