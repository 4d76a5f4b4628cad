/*
 * The line the password lock's reset step opens with (seed 000 Appendix A, "Password Lock forgot password"): where
 * the verification code went, the license e-mail address typed at Forgot password, written out in full.
 */
import { h } from './dom.js';

/** "Verification code has been sent to" the address. */
export function codeSentTo(address) {
  return h('p', { id: 'code-sent-to', text: `Verification code has been sent to "${address}"` });
}
