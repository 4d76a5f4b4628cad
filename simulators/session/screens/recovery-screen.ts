/**
 * "Enter recovery phone number" on the 2FA page (seed 000 §6.3.1 step 6): the country code and the number, "Send
 * SMS verification code", then the code's digits typed beside the letters the SMS starts with (`ABCD-123456`),
 * and "Successfully verified the phone number for account recovery."
 */
import type { SimulatorSession } from '../simulator-session.js';
import { button, field, text, type UiElement } from '../ui-element.js';

export interface RecoveryDraft {
  readonly country: string;
  readonly number: string;
  readonly digits: string;
  /** The letters of the SMS code, once one was sent. */
  readonly letters?: string;
}
export const EMPTY_RECOVERY_DRAFT: RecoveryDraft = { country: '', number: '', digits: '' };

export const RECOVERY_VERIFIED = 'Successfully verified the phone number for account recovery.';

const edit = (change: Partial<RecoveryDraft>) => (s: SimulatorSession) =>
  void (s.recoveryDraft = { ...s.recoveryDraft, ...change });

/** The number as the server takes it: "+", the country code and the number, digits only (E.164). */
export function recoveryNumber(draft: RecoveryDraft): string {
  const digits = (value: string) => value.replace(/[^0-9]/g, '');
  const country = digits(draft.country);
  return `${country ? `+${country}` : ''}${digits(draft.number)}`;
}

export function recoveryPhoneScreen(session: SimulatorSession): UiElement[] {
  const draft = session.recoveryDraft;
  const sent =
    draft.letters === undefined
      ? []
      : [
          text('recovery-sent', `Enter the verification code sent to ${recoveryNumber(draft)}`),
          text('recovery-letters', `${draft.letters}-`),
          field('recovery-digits', 'Verification code', draft.digits, (s, v) => edit({ digits: v })(s)),
          button('recovery-verify', 'Verify', async (s) => {
            const last = await s.twoFactor.verifyRecoveryPhone(s.recoveryDraft.digits);
            s.recoveryPhone = last;
            s.recoveryDraft = EMPTY_RECOVERY_DRAFT;
            s.back();
            s.message = RECOVERY_VERIFIED;
          }),
        ];
  return [
    text('recovery-title', 'Select your country code and enter your phone number'),
    field('recovery-country', 'Country code', draft.country, (s, v) => edit({ country: v })(s)),
    field('recovery-number', 'Phone number', draft.number, (s, v) => edit({ number: v })(s)),
    button('recovery-send', 'Send SMS verification code', async (s) => {
      const { letters } = await s.twoFactor.setRecoveryPhone(recoveryNumber(s.recoveryDraft));
      edit({ letters, digits: '' })(s);
    }),
    ...sent,
    button('recovery-cancel', 'Cancel', (s) => {
      s.recoveryDraft = EMPTY_RECOVERY_DRAFT;
      s.back();
    }),
  ];
}

export function openRecoveryPhone(session: SimulatorSession): void {
  session.recoveryDraft = EMPTY_RECOVERY_DRAFT;
  session.open('recovery-phone');
}
