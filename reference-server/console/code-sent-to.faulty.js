/* The self-test's faulty code-sent-to.js (console-code-address-masked): masks the address, as for a stranger's eyes. */
import { h } from './dom.js';

export function codeSentTo(address) {
  const [local = '', domain = ''] = address.split('@');
  const masked = `${local.slice(0, 2)}***@${domain}`;
  return h('p', { id: 'code-sent-to', text: `Verification code has been sent to "${masked}"` });
}
