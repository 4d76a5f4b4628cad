/**
 * The 2FA page's model (seed 000 §6.3.2-§6.3.4): random sequences of adding accounts (by QR code or by typed secret
 * key), renaming (also to names the app must refuse), removing, reordering (also with lists it must refuse), moving
 * the phone's clock to 29.999 s and 30.000 s of a step, and dropping the network. After each step the page must list
 * the model's accounts in the model's order, each with the RFC 6238 code of the phone's time (computed here from the
 * secret, not by the app's library) and the seconds left in the step, with or without a network.
 *
 * The commands act on a port, `AccountsApp`, with two adapters: the app model in process (model-in-process.ts) and
 * the app through its screens (model-screens.ts), so one model checks both.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { Violation } from '../../../kit/violation.js';

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

/** An account as the model knows it: `secret` in base32 capitals. */
export interface Row {
  readonly id: string;
  readonly issuer: string;
  label: string;
  readonly secret: string;
}

/** A row of the 2FA page. */
export interface ShownRow {
  readonly id: string;
  readonly label: string;
  readonly code: string;
  readonly secondsLeft: number;
}

export interface AccountsApp {
  /** Opens the 2FA page: its rows, top to bottom. */
  page(): Promise<readonly ShownRow[]>;
  /** The phone's clock. */
  now(): Promise<number>;
  /** Adds an account; an adapter that cannot choose the name or the secret says which it got. */
  add(wanted: { readonly label: string; readonly secret: number; readonly byUri: boolean }): Promise<Row>;
  /** Whether the app took the name (false: refused as invalid). */
  rename(id: string, label: string): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Whether removing `id` once more was refused; absent where no screen offers a removed account. */
  removeAgain?(id: string): Promise<boolean>;
  /** Whether the app took the order (false: refused as not listing every account once). */
  reorder(ids: readonly string[]): Promise<boolean>;
  clockTo(epochMs: number): Promise<void>;
  setOnline(online: boolean): Promise<void>;
}

export interface Model {
  rows: Row[];
  online: boolean;
}
type Step = fc.AsyncCommand<Model, AccountsApp>;

export async function verify(m: Model, app: AccountsApp, blame: readonly string[]): Promise<void> {
  const page = await app.page();
  const shown = page.map((p) => `${p.id}:${p.label}`);
  const expected = m.rows.map((r) => `${r.id}:${r.label}`);
  if (shown.join() !== expected.join()) {
    // The same accounts in another order: the app did not keep the order it had (TFA-15), whatever the step did.
    const reordered = [...shown].sort().join() === [...expected].sort().join();
    throw new Violation(
      reordered ? ['TFA-15'] : blame,
      `the page lists [${shown.join()}], the model [${expected.join()}]`,
    );
  }
  const now = await app.now();
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
  act: (m: Model, app: AccountsApp) => Promise<void>,
  ok: (m: Model) => boolean = () => true,
): Step => ({
  check: ok,
  async run(m, app) {
    await act(m, app);
    await verify(m, app, blame);
  },
  toString: () => label,
});

const add = fc
  .record({
    label: fc.constantFrom('admin', 'ops@example.com', 'Büro PC'),
    secret: fc.nat({ max: 3 }),
    byUri: fc.boolean(),
  })
  .map((wanted) =>
    step(`add ${wanted.label} by ${wanted.byUri ? 'QR code' : 'secret key'}`, ['TFA-14'], async (m, app) => {
      m.rows.push(await app.add(wanted));
    }),
  );

const rename = fc
  .record({
    at: fc.nat(),
    label: fc.constantFrom('Work', '  Home  ', '', 'x'.repeat(128), 'x'.repeat(129), 'Finance 2'),
  })
  .map(({ at, label }) => {
    const what = `renaming to ${JSON.stringify(label.slice(0, 12))}`;
    return step(
      `rename account ${at} to ${JSON.stringify(label.slice(0, 12))}`,
      ['TFA-13'],
      async (m, app) => {
        const row = m.rows[at % m.rows.length] as Row;
        const invalid = label.trim() === '' || label.length > 128;
        const taken = await app.rename(row.id, label);
        if (invalid && taken) throw new Violation(['TFA-13'], `${what} was not refused`);
        if (!invalid && !taken) throw new Violation(['TFA-13'], `${what} was refused`);
        if (taken) row.label = label.trim();
      },
      (m) => m.rows.length > 0,
    );
  });

const remove = fc.nat().map((at) =>
  step(
    `remove account ${at}`,
    ['TFA-14'],
    async (m, app) => {
      const [row] = m.rows.splice(at % m.rows.length, 1);
      await app.remove((row as Row).id);
      if (app.removeAgain && !(await app.removeAgain((row as Row).id)))
        throw new Violation(['TFA-14'], 'removing it again was not refused');
    },
    (m) => m.rows.length > 0,
  ),
);

/** `partial`: whether a reorder may leave an account out (a list the app must refuse). */
const reorder = (partial: boolean) =>
  fc.record({ seed: fc.nat(), complete: partial ? fc.boolean() : fc.constant(true) }).map(({ seed, complete }) =>
    step(
      `reorder (${seed}${complete ? '' : ', one missing'})`,
      ['TFA-15'],
      async (m, app) => {
        // A rotation by 1..n-1 places: never the order it was.
        const k = 1 + (seed % (m.rows.length - 1));
        const ids = [...m.rows.slice(k), ...m.rows.slice(0, k)].map((r) => r.id);
        if (!complete) {
          if (await app.reorder(ids.slice(1)))
            throw new Violation(['TFA-15'], 'a reorder missing an account was not refused');
          return;
        }
        if (!(await app.reorder(ids))) throw new Violation(['TFA-15'], 'a reorder of every account was refused');
        m.rows = ids.map((id) => m.rows.find((r) => r.id === id) as Row);
      },
      (m) => m.rows.length > 1,
    ),
  );

const clock = fc.oneof(fc.constantFrom(-1, 0), fc.integer({ min: 1, max: 90_000 })).map((to) =>
  step(
    to <= 0 ? `phone clock to ${to ? '29.999' : '30.000'} s of the step` : `phone clock +${to} ms`,
    ['TOTP-03'],
    async (_m, app) => {
      const now = await app.now();
      await app.clockTo(to <= 0 ? (Math.floor(now / 30_000) + 1) * 30_000 + to : now + to);
    },
  ),
);

const network = fc.boolean().map((online) =>
  step(online ? 'network back' : 'no network', ['TOTP-07'], async (m, app) => {
    await app.setOnline(online);
    m.online = online;
  }),
);

/** The commands, weighted as listed; `partialReorder` where the app can be given a list that leaves one out. */
export const accountSteps = (options: { partialReorder: boolean }) => [
  add,
  add,
  rename,
  remove,
  reorder(options.partialReorder),
  clock,
  clock,
  network,
];

export const ACCOUNTS_REQUIREMENTS = ['TFA-13', 'TFA-14', 'TFA-15', 'TOTP-02', 'TOTP-03', 'TOTP-07', 'TOTP-11'];
