/**
 * Device control over WebDriver: the `mobile:` execute methods, declared once as data. Each has a TypeBox schema for
 * its parameters (checked before it runs: see execute-runner.ts) and runs against the session. The names and
 * parameter types that clients may use are derived from this map, never written twice.
 */
import Type, { type Static, type TSchema } from 'typebox';
import { ClientError, MbsError } from '../../conformance/spec/errors.js';
import { PERMISSIONS } from '../device/permissions.js';
import { appState, deviceInfo } from './app-state.js';
import { mediaBatch, MEDIA_KINDS } from './media-batch.js';
import { answerPrompt, scanQr } from './screens/prompt-screens.js';
import type { SimulatorSession } from './simulator-session.js';

export interface ExecuteMethod<S extends TSchema = TSchema, R = unknown> {
  readonly description: string;
  readonly params: S;
  readonly run: (session: SimulatorSession, params: Static<S>) => R;
}

/** Keeps each method's `run` typed by its own schema, and its result type for the clients. */
const method = <S extends TSchema, R>(def: ExecuteMethod<S, R>): ExecuteMethod<S, R> => def;
const strict = { additionalProperties: false } as const;
const none = Type.Object({}, strict);

/** What the app refused while a method ran: shown in the app's dialog, and answered rather than thrown. */
async function outcome<T>(session: SimulatorSession, run: () => Promise<T>) {
  try {
    return { ok: true as const, ...(await run()) };
  } catch (error) {
    if (!(error instanceof MbsError || error instanceof ClientError) || error.code === 'prompt-not-open') throw error;
    session.message = error.message;
    return { ok: false as const, code: error.code, message: error.message };
  }
}

export const EXECUTE_METHODS = {
  'mobile: setBattery': method({
    description: 'Sets the battery level (0-100) and, optionally, whether it is charging.',
    params: Type.Object(
      { level: Type.Integer({ minimum: 0, maximum: 100 }), charging: Type.Optional(Type.Boolean()) },
      strict,
    ),
    run: (s, p) => {
      s.device.setBattery(p.level, p.charging ?? s.device.charging);
      return { level: s.device.batteryLevel, charging: s.device.charging };
    },
  }),
  'mobile: setStorage': method({
    description: 'Fills the storage with other data so that exactly freeBytes stay free.',
    params: Type.Object({ freeBytes: Type.Integer({ minimum: 0 }) }, strict),
    run: (s, p) => {
      s.device.setFreeBytes(p.freeBytes);
      return { freeBytes: s.device.freeBytes() };
    },
  }),
  'mobile: addMedia': method({
    description: 'Adds count items of a kind (photo, video, document, unsupported), sizeBytes each.',
    params: Type.Object(
      {
        kind: Type.Enum(MEDIA_KINDS),
        count: Type.Integer({ minimum: 1, maximum: 10_000 }),
        sizeBytes: Type.Integer({ minimum: 1, maximum: 4_000_000_000 }),
        extension: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,8}$' })),
        album: Type.Optional(Type.String({ maxLength: 128 })),
        capturedAt: Type.Optional(Type.Integer({ minimum: 0 })),
        storage: Type.Optional(Type.Enum(['internal', 'sd'])),
        origin: Type.Optional(Type.Enum(['device', 'itunes-sync', 'ios-import'])),
      },
      strict,
    ),
    run: (s, p) => ({ ids: mediaBatch(s.device, p).map((init) => s.device.addMedia(init).id) }),
  }),
  'mobile: deleteMedia': method({
    description: 'Deletes media from the device (iOS keeps it in Recently Deleted); every item when no ids are given.',
    params: Type.Object({ ids: Type.Optional(Type.Array(Type.String())) }, strict),
    run: (s, p) => {
      const ids = p.ids ?? s.device.mediaItems().map((m) => m.id);
      const missing = ids.filter((id) => !s.device.mediaById(id));
      if (missing.length > 0)
        throw new ClientError('media-invalid', `No media item ${missing.join(', ')} on the device.`);
      return { removed: ids.filter((id) => s.device.removeMedia(id)).length };
    },
  }),
  'mobile: setNetwork': method({
    description: "Joins the backup machine's LAN, another Wi-Fi network without it, or turns Wi-Fi off.",
    params: Type.Object(
      { network: Type.Enum(['lan', 'other-wifi', 'off']), internet: Type.Optional(Type.Boolean()) },
      strict,
    ),
    run: (s, p) => {
      const internet = p.internet ?? p.network !== 'off';
      if (p.network === 'off') s.device.setNetwork({ wifi: null, backupMachineReachable: false, internet });
      else
        s.device.setNetwork({
          wifi: p.network === 'lan' ? 'home' : 'cafe',
          backupMachineReachable: p.network === 'lan',
          internet,
        });
      return { ...s.device.network };
    },
  }),
  'mobile: advanceClock': method({
    description: "Moves the device's virtual clock forward by ms.",
    params: Type.Object({ ms: Type.Integer({ minimum: 0, maximum: 366 * 24 * 3_600_000 }) }, strict),
    run: (s, p) => {
      s.clock.advance(p.ms);
      return { clockMs: s.clock.now() };
    },
  }),
  'mobile: scanQr': method({
    description: 'Shows a QR code to the open scanner: a pairing payload, or a 2FA registration payload.',
    params: Type.Object({ payload: Type.String({ minLength: 1, maxLength: 4096 }) }, strict),
    run: (s, p) => outcome(s, () => scanQr(s, p.payload)),
  }),
  'mobile: lockDevice': method({
    description:
      'Locks the screen (the app goes to the background); with seconds, unlocks after that much virtual time.',
    params: Type.Object({ seconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })) }, strict),
    run: (s, p) => {
      s.locked = true;
      s.twoFactorUnlocked = false;
      s.device.setForeground(false);
      if (p.seconds !== undefined) {
        s.clock.advance(p.seconds * 1000);
        s.locked = false;
        s.device.setForeground(true);
      }
      return { locked: s.locked };
    },
  }),
  'mobile: unlockDevice': method({
    description: 'Unlocks the screen; the app comes back to the foreground.',
    params: none,
    run: (s) => {
      s.locked = false;
      s.device.setForeground(true);
      return { locked: false };
    },
  }),
  'mobile: backgroundApp': method({
    description:
      'Sends the app to the background (the home screen is shown); with seconds, it comes back after that much virtual time, with -1 or none it stays until mobile: activateApp.',
    params: Type.Object({ seconds: Type.Optional(Type.Integer({ minimum: -1, maximum: 86_400 })) }, strict),
    run: (s, p) => {
      s.device.setForeground(false);
      if (p.seconds !== undefined && p.seconds >= 0) {
        s.clock.advance(p.seconds * 1000);
        s.device.setForeground(true);
      }
      return { foreground: s.device.foreground };
    },
  }),
  'mobile: activateApp': method({
    description: 'Brings the app back to the foreground, as tapping its icon does.',
    params: none,
    run: (s) => {
      s.device.setForeground(true);
      return { foreground: true };
    },
  }),
  'mobile: biometric': method({
    description: 'Answers the open authentication prompt with a matching or a non-matching fingerprint or face.',
    params: Type.Object({ match: Type.Boolean() }, strict),
    run: (s, p) => outcome(s, async () => (await answerPrompt(s, { method: 'biometric', match: p.match }), {})),
  }),
  'mobile: setScreenLock': method({
    description: "Sets the device's screen lock, as its settings do: none, or a kind with the secret that unlocks it.",
    params: Type.Object(
      { lock: Type.Enum(['none', 'pin', 'pattern', 'password', 'passcode']), secret: Type.Optional(Type.String()) },
      strict,
    ),
    run: (s, p) => {
      s.device.screenLock = p.lock;
      if (p.secret !== undefined) s.device.lockSecret = p.secret;
      return { lock: s.device.screenLock };
    },
  }),
  'mobile: setPermission': method({
    description: 'What the user answers when the OS asks for a permission.',
    params: Type.Object({ permission: Type.Enum(PERMISSIONS), answer: Type.Enum(['allow', 'deny']) }, strict),
    run: (s, p) => void s.device.permissions.answers.set(p.permission, p.answer),
  }),
  'mobile: setDeleteConsent': method({
    description:
      'What the user answers when iOS asks to allow deleting items for free up space (the answer stands until changed).',
    params: Type.Object({ answer: Type.Enum(['allow', 'deny']) }, strict),
    run: (s, p) => {
      s.device.deleteConsent = p.answer;
      return { answer: s.device.deleteConsent };
    },
  }),
  'mobile: notifications': method({
    description: 'Pulls down the notification shade: polls the push service, then lists the notifications.',
    params: none,
    run: async (s) => {
      await s.pollPush();
      return { notifications: [...s.device.pushInbox] };
    },
  }),
  'mobile: sms': method({
    description: 'Lists the SMS messages; with text, first delivers one (from the outbox a test reads).',
    params: Type.Object(
      { text: Type.Optional(Type.String({ maxLength: 1600 })), from: Type.Optional(Type.String()) },
      strict,
    ),
    run: (s, p) => {
      if (p.text !== undefined) s.device.receiveSms({ receivedAt: s.clock.now(), from: p.from ?? 'MBS', text: p.text });
      return { messages: [...s.device.smsInbox] };
    },
  }),
  'mobile: deviceInfo': method({
    description: 'The device: spec, battery, network, storage, clock, media, deletion prompts and Recently Deleted.',
    params: none,
    run: deviceInfo,
  }),
  'mobile: appState': method({
    description: "The app's observable state: settings, pairing, jobs and why they hold, media, accounts, log.",
    params: none,
    run: appState,
  }),
  'mobile: waitForIdle': method({
    description: 'Waits (at most timeoutMs of wall time) until no job or server call the user set going still runs.',
    params: Type.Object({ timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 600_000 })) }, strict),
    run: async (s, p) => {
      await s.idle(p.timeoutMs);
      return appState(s);
    },
  }),
} as const satisfies Record<`mobile: ${string}`, ExecuteMethod>;

export type ExecuteMethodName = keyof typeof EXECUTE_METHODS;
export type ExecuteParams<N extends ExecuteMethodName> = Static<(typeof EXECUTE_METHODS)[N]['params']>;
export type ExecuteResult<N extends ExecuteMethodName> = Awaited<ReturnType<(typeof EXECUTE_METHODS)[N]['run']>>;
export const EXECUTE_METHOD_NAMES = Object.keys(EXECUTE_METHODS) as ExecuteMethodName[];
