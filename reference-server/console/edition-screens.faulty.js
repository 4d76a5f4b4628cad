/* The self-test's faulty edition-screens.js (console-2fa-screens-on-home): the 2FA screens on every edition. */
export const hasTwoFactorScreens = () => true;
