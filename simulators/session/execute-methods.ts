/**
 * Device control over WebDriver: the `mobile:` execute methods, declared once as data. Each has a TypeBox schema for
 * its parameters (checked before it runs: see execute-runner.ts) and runs against the session. The names and
 * parameter types that clients may use are derived from this map, never written twice.
 */
import Type, { type Static } from 'typebox';
import { ClientError } from '../../conformance/spec/errors.js';
import { appState, deviceInfo } from './app-state.js';
import { method, none, outcome, strict, type ExecuteMethod } from './execute-method.js';
import { mediaBatch, MEDIA_KINDS } from './media-batch.js';
import { PHONE_METHODS } from './phone-methods.js';
import { scanQr } from './screens/prompt-screens.js';

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
  ...PHONE_METHODS,
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
