/**
 * The 2FA page's model (commands.ts) through the app's screens: accounts added by "Scan QR code" or "Not
 * able to scan QR code?" with a fresh registration from the desktop, renamed and removed from a row's arrow down and
 * Edit, reordered on the Reorder screen (Move up), the page's codes and countdowns read from the page source, and
 * `mobile:` methods for the phone's clock and network.
 *
 * Not through the screens: removing an account a second time (a removed account has no row to tap) and a reorder
 * that leaves an account out (the Reorder screen lists every account), so those refusals are left to
 * tfa-accounts-model; accounts of a chosen name or secret (each comes from a server registration, named by the
 * server's username). The server takes one registration per install, so each account's authenticator is removed on
 * the server once added: the account stays on the phone, and the page's codes are what the model judges.
 *
 * Nothing here is a rule of the server's time. Without the server's clock, an account to be added by secret key once
 * the phone's clock has run more than a step ahead of the server's is added by QR code instead: the server would
 * refuse the phone's code, and only a moved server clock could catch up (clocksAgree).
 */
import fc from 'fast-check';
import type { Check, DeviceCheckContext, CheckOutcome } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { accountSteps, ACCOUNTS_REQUIREMENTS, verify, type AccountsApp, type Model } from './commands.js';
import { authenticatorIds, removeAuthenticatorsSince, type ServerTime } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { elementsIn } from '../../../kit/page-elements.js';
import { state, withApp } from '../../../kit/screens-support.js';
import { clocksAgree, registerOnPhone, syncClock } from '../common/screens-support.js';
import { where } from '../../../kit/applies.js';

/**
 * "Not able to scan QR code?" with the registration's username and key, the key typed as accounts-model types it.
 * The server checks the code the app sends against its own clock: the two clocks agree first.
 */
async function addBySecret(driver: AppDriver, desk: MbsClient, time: ServerTime) {
  const registration = await desk.call('createRegistration', { body: {} });
  await syncClock(driver, time);
  const key = registration.secret;
  await driver.tap('tab-2fa');
  await driver.tap('tfa-no-qr');
  await driver.type('secret-issuer', 'MBS Pro');
  await driver.type('secret-username', registration.username);
  await driver.type('secret-key', `${key.slice(0, 8).toLowerCase()} ${key.slice(8)}`);
  await driver.tap('secret-add');
  return registration;
}

function screensApp(driver: AppDriver, desk: MbsClient, time: ServerTime, before: ReadonlySet<string>): AccountsApp {
  const issuers = new Map<string, string>();
  const openEdit = async (id: string) => {
    await driver.tap('tab-2fa');
    await driver.tap(`account-${id}-expand`);
    await driver.tap(`account-${id}-edit`);
  };
  return {
    async page() {
      await driver.tap('tab-2fa');
      const shown = new Map(elementsIn(await driver.pageSource()).map((e) => [e.id, e.text]));
      const ids = [...shown.keys()].flatMap((id) => /^account-(.+)-code$/.exec(id)?.[1] ?? []);
      return ids.map((id) => {
        const name = shown.get(`account-${id}-name`) ?? '';
        const prefix = `${issuers.get(id)}: `;
        return {
          id,
          label: name.startsWith(prefix) ? name.slice(prefix.length) : name,
          code: shown.get(`account-${id}-code`) ?? '',
          secondsLeft: Number(/^(\d+) s$/.exec(shown.get(`account-${id}-seconds`) ?? '')?.[1] ?? NaN),
        };
      });
    },
    now: async () => (await state(driver)).clockMs,
    async add({ byUri }) {
      const had = new Set((await state(driver)).accounts.map((a) => a.id));
      const registration =
        byUri || !(await clocksAgree(driver, time))
          ? (await registerOnPhone(driver, desk)).registration
          : await addBySecret(driver, desk, time);
      const after = await driver.execute('mobile: waitForIdle', {});
      const added = after.accounts.find((a) => !had.has(a.id));
      if (!added) throw new Error(`no account added by ${byUri ? 'QR code' : 'secret key'}: ${after.message}`);
      await removeAuthenticatorsSince(desk, before);
      issuers.set(added.id, added.issuer);
      return { id: added.id, issuer: added.issuer, label: registration.username, secret: registration.secret };
    },
    async rename(id, label) {
      await openEdit(id);
      await driver.type('account-edit-name', label);
      await driver.tap('account-edit-save');
      const refused = (await state(driver)).screen === 'account-edit';
      if (refused) await driver.tap('nav-back');
      return !refused;
    },
    async remove(id) {
      await openEdit(id);
      await driver.tap('account-edit-remove');
    },
    async reorder(ids) {
      await driver.tap('tab-2fa');
      await driver.tap('tfa-reorder');
      const order = (await state(driver)).accounts.map((a) => a.id);
      for (const [i, id] of ids.entries()) {
        for (let at = order.indexOf(id); at > i; at--) await driver.tap(`reorder-${id}-up`);
        order.splice(order.indexOf(id), 1);
        order.splice(i, 0, id);
      }
      await driver.tap('reorder-done');
      const refused = (await state(driver)).screen === 'account-reorder';
      if (refused) await driver.tap('nav-back');
      return !refused;
    },
    async clockTo(epochMs) {
      const ms = epochMs - (await state(driver)).clockMs;
      if (ms > 0) await driver.execute('mobile: advanceClock', { ms });
    },
    setOnline: async (online) => void (await driver.execute('mobile: setNetwork', { network: online ? 'lan' : 'off' })),
  };
}

export const uiAccountsModelCheck: Check = {
  id: 'tfa-accounts-model-screens',
  title:
    "Through the screens: the 2FA page's accounts added, renamed, removed and reordered; each shows its RFC 6238 code and countdown, offline too",
  area: 'TFA',
  requirements: ACCOUNTS_REQUIREMENTS,
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({
    overWebDriverOf: 'tfa-accounts-model',
    twoFactor: true,
    console: true,
    device: 'alone',
  }),
  run: (context: DeviceCheckContext): Promise<CheckOutcome> =>
    withTwoFactor(context, (desk, time) => {
      const steps = accountSteps({ partialReorder: false });
      const property = fc.asyncProperty(fc.commands(steps, { ...commandsOptions(context, 12), size: 'max' }), (cmds) =>
        withApp(context, async (driver) => {
          const before = await authenticatorIds(desk);
          try {
            const app = screensApp(driver, desk, time, before);
            const model: Model = { rows: [], online: true };
            await verify(model, app, ['TFA-14']);
            await fc.asyncModelRun(() => ({ model, real: app }), cmds);
          } finally {
            await removeAuthenticatorsSince(desk, before);
          }
        }),
      );
      return checkProperty(property, context);
    }),
};
