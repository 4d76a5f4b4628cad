/** Page objects of the 2FA page, "Not able to scan QR code?" and the authentication prompt of enhanced security. */
import { AppPage } from './app-page.js';
import { ELEMENT_ID_PATTERNS as ids } from './locators.js';

export class TwoFactorPage extends AppPage {
  /** Opens the scanner; `mobile: scanQr` (DeviceControl.scanQr) then shows it the code. */
  openScanner = () => this.tap('tfaScanQr');
  refresh = () => this.tap('tfaRefresh');
  unlock = () => this.tap('tfaUnlock');
  code = (accountId: string) => this.text({ id: ids.accountCode(accountId) });
  accountName = (accountId: string) => this.text({ id: ids.accountName(accountId) });
  hasRequest = (requestId: string) => this.exists({ id: ids.requestApprove(requestId) });
  approve = (requestId: string) => this.tap({ id: ids.requestApprove(requestId) });
  reject = (requestId: string) => this.tap({ id: ids.requestReject(requestId) });
  /** Number matching: approves by tapping the number the desktop shows. */
  approveWithNumber = (requestId: string, n: number) => this.tap({ id: ids.requestNumber(requestId, n) });
  /** After a migration: opens the scanner for the desktop's 2FA QR code. */
  repair = () => this.tap('tfaRepair');

  /** "Enter recovery phone number", then "Send SMS verification code": the letters the SMS code starts with. */
  async sendRecoveryCode(countryCode: string, phoneNumber: string): Promise<string | undefined> {
    await this.tap('tfaRecoveryPhone');
    await this.type('recoveryCountry', countryCode);
    await this.type('recoveryNumber', phoneNumber);
    await this.tap('recoverySend');
    return (await this.exists('recoveryLetters')) ? (await this.text('recoveryLetters')).replace(/-$/, '') : undefined;
  }

  /** Types the SMS code's digits and taps Verify: the app's answer. */
  async verifyRecoveryCode(digits: string): Promise<string | undefined> {
    await this.type('recoveryDigits', digits);
    await this.tap('recoveryVerify');
    return this.message();
  }

  async addBySecret(issuer: string, username: string, secret: string): Promise<string | undefined> {
    await this.tap('tfaNoQr');
    await this.type('secretIssuer', issuer);
    await this.type('secretUsername', username);
    await this.type('secretKey', secret);
    await this.tap('secretAdd');
    return this.message();
  }
}

export class AuthenticatePrompt extends AppPage {
  isOpen = () => this.exists('authCancel');

  /** "USE PASSWORD" (Android) or "Show Passcode" (iOS) opens the entry, unless it is open already. */
  async password(password: string): Promise<string | undefined> {
    if (await this.exists('authUsePassword')) await this.tap('authUsePassword');
    await this.type('authPassword', password);
    await this.tap('authConfirm');
    return this.message();
  }

  cancel = () => this.tap('authCancel');
}
