/**
 * The `mobile:` methods of what happens around the app: the screen lock and the app going to the background, the
 * user's answers to the OS's prompts (biometrics, permissions, iOS deletion), and the notifications and SMS that
 * reach the phone. Part of EXECUTE_METHODS (execute-methods.ts).
 */
import Type from 'typebox';
import { PERMISSIONS } from '../device/permissions.js';
import { method, none, outcome, strict, type ExecuteMethod } from './execute-method.js';
import { answerPrompt } from './screens/prompt-screens.js';

export const PHONE_METHODS = {
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
} as const satisfies Record<`mobile: ${string}`, ExecuteMethod>;
