/**
 * What the app says once "Enhanced security for 2FA" is turned on or off, the device authentication answered (seed
 * 000 §6.4.4, step 5 of each procedure): "Enhanced security for 2FA is successfully enabled." / "… disabled."
 */
export function securityToast(enabled: boolean): string {
  return `Enhanced security for 2FA is successfully ${enabled ? 'enabled' : 'disabled'}.`;
}
