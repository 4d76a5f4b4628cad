/* The self-test's faulty authenticator-row.js (console-authenticators-unlisted): no registered device shows. */
/* global document */
export function authenticatorRow() {
  return document.createComment('a registered device');
}
