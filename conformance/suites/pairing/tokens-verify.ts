/**
 * After each step the server's device list and pairings must match the model. A verify reads what the step could
 * have changed, as the model knows it: the device list after a pairing, a removal or a refusal as paired already
 * (GET /v1/device of a device paired just now is the answer its pairing step read; after a removal every remaining
 * device's is asked), the pairing of each token the step issued, used or let expire. After a case's last step a full
 * verify reads everything, so a wrong state that persists is caught whatever step caused it (a refused pairing that
 * paired anyway, a token it used anyway).
 */
import { brief, canonical, consoleOf } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { sameRegistration, type Model, type Real, type Step } from './tokens-model.js';

async function verifyDeviceList(m: Model, r: Real, full: boolean): Promise<void> {
  const { devices } = await consoleOf(r.session).call('listDevices');
  const ours = devices.filter((d) => !r.baseline.has(d.deviceId));
  const shown = ours.map((d) => `${d.deviceId}=${d.name}`).sort();
  const expected = m.devices.map((d) => `${d.deviceId}=${d.name}`).sort();
  if (JSON.stringify(shown) !== JSON.stringify(expected)) {
    throw new Error(`the device list shows [${shown.join(', ')}]; the model has [${expected.join(', ')}]`);
  }
  for (const listed of ours) {
    const paired = m.devices.find((d) => d.deviceId === listed.deviceId);
    if (!paired) continue;
    sameRegistration(`the device list shows ${listed.name}`, listed, paired);
    if (listed.model !== paired.model) {
      throw new Violation(
        ['DESK-12'],
        `the device list shows ${listed.name} as model ${JSON.stringify(listed.model)}; it paired as ` +
          JSON.stringify(paired.model),
      );
    }
    // PROTOCOL.md getSelf: the calling device as the server lists it (asked again after the last step only).
    const known = m.touched.selves.get(paired.deviceId);
    if (!full && !m.touched.everySelf && known === undefined) continue;
    const self = known ?? (await paired.client.call('getSelf'));
    if (canonical(self) !== canonical(listed)) {
      throw new Violation(['NET-06'], `GET /v1/device answers ${brief(self)}; the device list shows ${brief(listed)}`);
    }
  }
}

/** Further from its expiry than this, a token's status cannot depend on how long a request took. */
const STATUS_MARGIN_MS = 5_000;

/**
 * PROTOCOL.md getPairing, which the desktop's pairing dialog polls to say "Device paired successfully" (PAIR-15):
 * a used token is `paired` with the device that used it; an unused one is `waiting` until its `expiresAt` and
 * `expired` from then on; the pairing keeps the mode and `expiresAt` its issue answered.
 */
async function verifyPairings(m: Model, r: Real, full: boolean): Promise<void> {
  const now = r.now();
  for (const t of m.tokens.filter((x) => full || m.touched.pairings.has(x.pairingId))) {
    const got = await consoleOf(r.session).call('getPairing', { params: { pairingId: t.pairingId } });
    const status = t.deviceId
      ? 'paired'
      : now < t.expiresAt - STATUS_MARGIN_MS
        ? 'waiting'
        : now >= t.expiresAt + STATUS_MARGIN_MS
          ? 'expired'
          : got.status;
    const wanted = { pairingId: t.pairingId, mode: 'add', expiresAt: t.expiresAt, status, deviceId: t.deviceId };
    const shown = { pairingId: got.pairingId, mode: got.mode, expiresAt: got.expiresAt, status: got.status };
    if (JSON.stringify({ ...shown, deviceId: got.deviceId }) !== JSON.stringify(wanted)) {
      throw new Violation(
        ['PAIR-15'],
        `GET /v1/console/pairings/${t.pairingId} answers ${JSON.stringify(got)}; the pairing is ` +
          `${JSON.stringify(wanted)} (issued with expiresAt ${t.expiresAt}, the server's clock reads ${now})`,
      );
    }
  }
}

/** What the steps since the last verify could have changed, or (`full`, after a case's last step) everything. */
export async function verify(m: Model, r: Real, full: boolean): Promise<void> {
  if (full || m.touched.devices) await verifyDeviceList(m, r, full);
  await verifyPairings(m, r, full);
  m.touched.devices = false;
  m.touched.everySelf = false;
  m.touched.pairings.clear();
  m.touched.selves.clear();
}

export function step(
  label: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Model) => boolean = () => true,
) {
  return {
    check,
    async run(m: Model, r: Real) {
      await run(m, r);
      await verify(m, r, false);
    },
    toString: () => label,
  } satisfies Step;
}
