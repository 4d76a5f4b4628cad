/**
 * The app's 2FA page, model-based, on the app model in process: the model and its commands are in
 * commands.ts; here the adapter that drives the app model (accounts added with a chosen name and one of four
 * secrets, by otpauth URI or by typed secret key, never registered with a server) and the check.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import { accountSteps, ACCOUNTS_REQUIREMENTS, verify, type AccountsApp, type Model } from './commands.js';
import { appWorld, type AppWorld } from '../common/app-world.js';
import { ServerTime } from '../common/support.js';
import { where } from '../../../kit/applies.js';

const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'KRSXG5CTMVRXEZLU'];

/** Runs `act`; false when the app refused it with `code`, which changes nothing. */
function takes(act: () => void, code: string): boolean {
  try {
    act();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === code) return false;
    throw error;
  }
}

function modelApp(w: AppWorld): AccountsApp {
  const { accounts } = w.app;
  return {
    page: async () => w.twoFactor.openPage(),
    now: async () => w.clock.now(),
    async add({ label, secret, byUri }) {
      const key = SECRETS[secret] as string;
      const issuer = 'MBS Pro';
      const uri = `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${key}&issuer=MBS%20Pro`;
      const typed = `${key.slice(0, 8).toLowerCase()} ${key.slice(8)}`;
      const a = byUri ? accounts.addFromUri(uri) : accounts.addFromSecret(issuer, label, typed);
      return { id: a.id, issuer, label, secret: key };
    },
    rename: async (id, label) => takes(() => accounts.rename(id, label), 'otpauth-invalid'),
    remove: async (id) => accounts.remove(id),
    removeAgain: async (id) => !takes(() => accounts.remove(id), 'account-not-found'),
    reorder: async (ids) => takes(() => accounts.reorder(ids), 'account-not-found'),
    clockTo: async (epochMs) => w.clock.advanceTo(epochMs),
    async setOnline(online) {
      w.device.setNetwork(online ? { wifi: 'home', internet: true } : { wifi: null, internet: false });
    },
  };
}

export const accountsModelCheck: Check = {
  id: 'tfa-accounts-model',
  title: "The app's 2FA page: add, rename, remove, reorder; each account's RFC 6238 code and countdown, offline too",
  area: 'TFA',
  requirements: ACCOUNTS_REQUIREMENTS,
  scope: 'device',
  tags: ['2fa', 'app', 'model-based'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  async run(context: CheckContext) {
    const time = ServerTime.of(context.session);
    const steps = accountSteps({ partialReorder: true });
    const property = fc.asyncProperty(
      fc.commands(steps, { ...commandsOptions(context, 40), size: '+1' }),
      async (cmds) => {
        const app = modelApp(await appWorld(context, time));
        const model: Model = { rows: [], online: true };
        await verify(model, app, ['TFA-14']);
        await fc.asyncModelRun(() => ({ model, real: app }), cmds);
      },
    );
    return checkProperty(property, context);
  },
};
