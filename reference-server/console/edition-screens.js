/*
 * Whether the console has the 2FA screens, Settings > Authentication and the login's (seed 000 §12): only where the
 * server says it offers 2FA; Home has neither.
 */
export const hasTwoFactorScreens = (info) => info.twoFactor === true;
