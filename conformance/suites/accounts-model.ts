/**
 * The app's 2FA page (seed 000 §6.3.2-§6.3.4; seed 002 "Setting up 2FA"), model-based: random sequences of adding
 * accounts (by otpauth URI or by typed secret key), renaming (also to names the app must refuse), removing,
 * reordering (also with lists it must refuse), moving the phone's clock to 29.999 s and 30.000 s of a step, and
 * dropping the network. After each step the page must list the model's accounts in the model's order, each with
 * the RFC 6238 code of the phone's time (computed here from the secret, not by the app's library) and the seconds
 * left in the step, with or without a network.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty, commandsOptions } from '../framework/property.js';
import { Violation } from '../framework/violation.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { appWorld, needsTwoFactorApp, type AppWorld } from './app-world.js';
import { ServerTime } from './two-factor-support.js';

/** RFC 6238 with HMAC-SHA1, 6 digits, 30 s steps from T0 = 0 (RFC 4226 §5.3 truncation). */
export function rfc6238(base32: string, epochMs: number): string {
  let bits = '';
  for (const c of base32.replace(/=+$/, ''))
    bits += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochMs / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = (h[19] as number) & 0xf;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'KRSXG5CTMVRXEZLU'];

interface Row {
  readonly id: string;
  readonly issuer: string;
  label: string;
  readonly secret: string;
}
interface Model {
  rows: Row[];
  online: boolean;
}
type Step = fc.AsyncCommand<Model, AppWorld>;

function verify(m: Model, w: AppWorld, blame: readonly string[]): void {
  const page = w.twoFactor.openPage();
  const shown = page.map((p) => `${p.id}:${p.label}`).join();
  const expected = m.rows.map((r) => `${r.id}:${r.label}`).join();
  if (shown !== expected) throw new Violation(blame, `the page lists [${shown}], the model [${expected}]`);
  const now = w.clock.now();
  const left = Math.ceil((30_000 - (now % 30_000)) / 1000);
  page.forEach((p, i) => {
    const code = rfc6238(m.rows[i]?.secret ?? '', now);
    if (p.code !== code || p.secondsLeft !== left) {
      const ids = m.online ? ['TOTP-02', 'TOTP-03', 'TOTP-11'] : ['TOTP-07'];
      throw new Violation(
        ids,
        `at ${now % 30_000} ms into the step ${p.label} shows ${p.code} (${p.secondsLeft} s), RFC 6238 gives ${code} (${left} s)`,
      );
    }
  });
}

const step = (
  label: string,
  blame: readonly string[],
  act: (m: Model, w: AppWorld) => void,
  ok: (m: Model) => boolean = () => true,
): Step => ({
  check: ok,
  async run(m, w) {
    act(m, w);
    verify(m, w, blame);
  },
  toString: () => label,
});

/** An action the app must refuse with `code`, changing nothing. */
function refused(act: () => void, code: string, blame: readonly string[], what: string): void {
  try {
    act();
  } catch (error) {
    if ((error as { code?: string }).code === code) return;
    throw error;
  }
  throw new Violation(blame, `${what} was not refused`);
}

const add = fc
  .record({
    label: fc.constantFrom('admin', 'ops@example.com', 'Büro PC'),
    secret: fc.nat({ max: 3 }),
    byUri: fc.boolean(),
  })
  .map(({ label, secret, byUri }) =>
    step(`add ${label} by ${byUri ? 'QR code' : 'secret key'}`, ['TFA-14'], (m, w) => {
      const key = SECRETS[secret] as string;
      const issuer = 'MBS Pro';
      const uri = `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${key}&issuer=MBS%20Pro`;
      const typed = `${key.slice(0, 8).toLowerCase()} ${key.slice(8)}`;
      const a = byUri ? w.app.accounts.addFromUri(uri) : w.app.accounts.addFromSecret(issuer, label, typed);
      m.rows.push({ id: a.id, issuer, label, secret: key });
    }),
  );

const rename = fc
  .record({ at: fc.nat(), label: fc.constantFrom('Work', '  Home  ', '', 'x'.repeat(129), 'Finance 2') })
  .map(({ at, label }) =>
    step(
      `rename account ${at} to ${JSON.stringify(label.slice(0, 12))}`,
      ['TFA-13'],
      (m, w) => {
        const row = m.rows[at % m.rows.length] as Row;
        if (label.trim() === '' || label.length > 128)
          return refused(
            () => w.app.accounts.rename(row.id, label),
            'otpauth-invalid',
            ['TFA-13'],
            `renaming to ${JSON.stringify(label.slice(0, 12))}`,
          );
        w.app.accounts.rename(row.id, label);
        row.label = label.trim();
      },
      (m) => m.rows.length > 0,
    ),
  );

const remove = fc.nat().map((at) =>
  step(
    `remove account ${at}`,
    ['TFA-14'],
    (m, w) => {
      const [row] = m.rows.splice(at % m.rows.length, 1);
      w.app.accounts.remove((row as Row).id);
      refused(() => w.app.accounts.remove((row as Row).id), 'account-not-found', ['TFA-14'], 'removing it again');
    },
    (m) => m.rows.length > 0,
  ),
);

const reorder = fc.record({ seed: fc.nat(), complete: fc.boolean() }).map(({ seed, complete }) =>
  step(
    `reorder (${seed}${complete ? '' : ', one missing'})`,
    ['TFA-15'],
    (m, w) => {
      // A rotation by 1..n-1 places: never the order it was.
      const k = 1 + (seed % (m.rows.length - 1));
      const ids = [...m.rows.slice(k), ...m.rows.slice(0, k)].map((r) => r.id);
      if (!complete)
        return refused(
          () => w.app.accounts.reorder(ids.slice(1)),
          'account-not-found',
          ['TFA-15'],
          'a reorder missing an account',
        );
      w.app.accounts.reorder(ids);
      m.rows = ids.map((id) => m.rows.find((r) => r.id === id) as Row);
    },
    (m) => m.rows.length > 1,
  ),
);

const clock = fc.oneof(fc.constantFrom(-1, 0), fc.integer({ min: 1, max: 90_000 })).map((to) =>
  step(
    to <= 0 ? `phone clock to ${to ? '29.999' : '30.000'} s of the step` : `phone clock +${to} ms`,
    ['TOTP-03'],
    (_m, w) => {
      const now = w.clock.now();
      w.clock.advanceTo(to <= 0 ? (Math.floor(now / 30_000) + 1) * 30_000 + to : now + to);
    },
  ),
);

const network = fc.boolean().map((online) =>
  step(online ? 'network back' : 'no network', ['TOTP-07'], (m, w) => {
    w.device.setNetwork(online ? { wifi: 'home', internet: true } : { wifi: null, internet: false });
    m.online = online;
  }),
);

export const accountsModelCheck: Check = {
  id: 'tfa-app-accounts-model',
  title: "The app's 2FA page: add, rename, remove, reorder; each account's RFC 6238 code and countdown, offline too",
  area: 'TFA',
  requirements: ['TFA-13', 'TFA-14', 'TFA-15', 'TOTP-02', 'TOTP-03', 'TOTP-07', 'TOTP-11'],
  scope: 'device',
  tags: ['2fa', 'app', 'model-based'],
  applies: needsTwoFactorApp,
  async run(context: CheckContext) {
    const profile = context.column.profile as DeviceSpec;
    const time = ServerTime.of(context.session);
    const commands = [add, add, rename, remove, reorder, clock, clock, network];
    const property = fc.asyncProperty(
      fc.commands(commands, { ...commandsOptions(context, 40), size: '+1' }),
      async (cmds) => {
        const world = appWorld(context.session, profile, time);
        const model: Model = { rows: [], online: true };
        verify(model, world, ['TFA-14']);
        await fc.asyncModelRun(() => ({ model, real: world }), cmds);
      },
    );
    return checkProperty(property, context);
  },
};
