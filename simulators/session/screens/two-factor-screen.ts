/**
 * The 2FA page (seed 000 §6.3, Appendix A): the accounts with their current codes, each with its arrow down to Edit
 * (account-screens.ts, with Reorder), adding one by QR code or with "Not able to scan QR code?", "Enter recovery
 * phone number", and the login requests that reached the phone, each approved or rejected; with number matching on,
 * Approve is the number the desktop shows, among three. A phone paired as a replacement offers "Re-pair with
 * authenticator" until it is registered for push. With enhanced security on, the page and every approval first ask
 * for the device password or a biometric; the page locks again once the user leaves it for another tab.
 */
import type { Notification } from '../../../conformance/spec/protocol/two-factor.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, field, group, text, type UiElement } from '../ui-element.js';
import { accountMenu, openReorder } from './account-screens.js';
import { openScanner } from './main-screens.js';
import { openRecoveryPhone } from './recovery-screen.js';

export function twoFactorScreen(session: SimulatorSession): UiElement[] {
  const { app } = session;
  if (app.security.asks('open') && !session.twoFactorUnlocked) {
    return [
      text('tfa-locked', 'Enhanced security: authenticate to open 2FA'),
      button('tfa-unlock', 'Unlock', (s) =>
        s.authenticate('Open 2FA', (inner, attempt) => {
          inner.twoFactor.openPage(attempt);
          inner.twoFactorUnlocked = true;
        }),
      ),
    ];
  }
  const now = session.clock.now();
  const pending = [...session.requests.values()].filter((r) => r.expiresAt > now);
  return [
    group(
      'list',
      'tfa-accounts',
      app.accounts
        .codes(now)
        .map((code) =>
          group('row', `account-${code.id}`, [
            text(`account-${code.id}-name`, `${code.issuer}: ${code.label}`),
            text(`account-${code.id}-code`, code.code),
            text(`account-${code.id}-seconds`, `${code.secondsLeft} s`),
            ...accountMenu(session, code.id),
          ]),
        ),
    ),
    text(
      'tfa-empty',
      app.accounts.list().length === 0 ? 'No 2FA accounts yet' : `${app.accounts.list().length} accounts`,
    ),
    button('tfa-reorder', 'Reorder', openReorder, { enabled: app.accounts.list().length > 1 }),
    group('list', 'tfa-requests', pending.map(requestRow)),
    ...repair(session),
    button('tfa-scan-qr', 'Scan QR code', (s) => openScanner(s, '2fa')),
    ...(app.rules.offersSecretEntry(session.device.spec.camera)
      ? [button('tfa-no-qr', 'Not able to scan QR code?', (s) => s.open('secret-entry'))]
      : []),
    button(
      'tfa-recovery-phone',
      session.recoveryPhone === undefined
        ? 'Enter recovery phone number'
        : `Recovery phone number ending ${session.recoveryPhone}`,
      openRecoveryPhone,
    ),
    button('tfa-refresh', 'Refresh', async (s) => {
      await s.pollPush();
    }),
  ];
}

/** After a migration, until the phone is registered for push: "Re-pair with authenticator" (seed 000 §6.3.1 NOTE). */
function repair(session: SimulatorSession): UiElement[] {
  const { migration } = session;
  const linked = session.app.accounts.list().some((a) => a.push && session.twoFactor.linkFor(a.id));
  if (!migration || linked) return [];
  return [
    text('tfa-repair-hint', `This phone replaced ${migration.from}: re-pair it so that push requests come here.`),
    button('tfa-repair', 'Re-pair with authenticator', (s) => openScanner(s, '2fa')),
  ];
}

function requestRow(request: Notification): UiElement {
  const id = `request-${request.requestId}`;
  const approve = (number?: number) => (s: SimulatorSession) => {
    const chosen = number === undefined ? {} : { number };
    if (!s.app.security.asks('approve')) return answer(s, request, 'approve', chosen);
    s.authenticate('Approve the login', (inner, attempt) => answer(inner, request, 'approve', { attempt, ...chosen }));
  };
  const choices = request.numberChoices ?? [];
  const approval =
    choices.length === 0
      ? [button(`${id}-approve`, 'Approve', approve())]
      : [
          text(`${id}-number-hint`, 'To approve, tap the number the desktop shows'),
          group(
            'list',
            `${id}-numbers`,
            choices.map((n) => button(`${id}-number-${n}`, String(n), approve(n))),
          ),
        ];
  return group('row', id, [
    text(`${id}-title`, `Login request from ${request.machine}`),
    ...approval,
    button(`${id}-reject`, 'Reject', (s) => answer(s, request, 'reject', {})),
  ]);
}

async function answer(
  session: SimulatorSession,
  request: Notification,
  decision: 'approve' | 'reject',
  options: Parameters<SimulatorSession['twoFactor']['answer']>[2],
): Promise<void> {
  session.requests.delete(request.requestId);
  const status = await session.twoFactor.answer(request.requestId, decision, options);
  session.message = decision === 'approve' ? `Login approved (${status}).` : `Login rejected (${status}).`;
}

/** "Not able to scan QR code?": the issuer, username and secret key the desktop shows, typed by hand. */
export function secretEntryScreen(session: SimulatorSession): UiElement[] {
  const draft = session.secretDraft;
  return [
    text('secret-title', 'Enter the username and secret key shown on the desktop'),
    field('secret-issuer', 'Issuer', draft.issuer, (s, v) => void (s.secretDraft = { ...s.secretDraft, issuer: v })),
    field(
      'secret-username',
      'Username',
      draft.username,
      (s, v) => void (s.secretDraft = { ...s.secretDraft, username: v }),
    ),
    field('secret-key', 'Secret key', draft.secret, (s, v) => void (s.secretDraft = { ...s.secretDraft, secret: v })),
    button('secret-add', 'Add account', async (s) => {
      const { issuer, username, secret } = s.secretDraft;
      await s.twoFactor.registerBySecret(s.serverUrl, issuer, username, secret);
      s.secretDraft = { issuer: 'MBS', username: '', secret: '' };
      s.back();
    }),
    button('secret-cancel', 'Cancel', (s) => s.back()),
  ];
}
