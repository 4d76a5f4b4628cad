/**
 * Names of what the kit registers as 2FA authenticators on a target: each carries the kit's mark, whatever the seed
 * and the check, so a later run (another seed by default) tells an authenticator an earlier run left on a server
 * it must leave as found (stopped before it could put it back: a CI job killed at its timeout, Ctrl-C) from an
 * owner's, and removes it (as-found.ts). The app names its authenticator after its device: the phones the kit
 * registers so carry the mark in their names too.
 */
import { DeviceName } from '../spec/protocol/common.js';

/** Leads every name the kit gives an authenticator; no owner names one so by chance. */
export const KIT_MARK = '[mbsc] ';

/** The longest name the protocol takes (DeviceName, which names an authenticator too). */
const MAX_LENGTH = (DeviceName as unknown as { readonly maxLength: number }).maxLength;

/** `name` marked as the kit's, within the protocol's length for a name; marked once. */
export function kitName(name: string): string {
  return isKitName(name) ? name : `${KIT_MARK}${name}`.slice(0, MAX_LENGTH).trimEnd();
}

/** Whether `name` carries the kit's mark: an authenticator the kit registered, in this run or an earlier one. */
export function isKitName(name: string): boolean {
  return name.startsWith(KIT_MARK);
}

/** The domain of every e-mail address the kit gives a password lock: reserved (RFC 2606), and the kit's mark. */
const KIT_MAIL_DOMAIN = 'mbsc-kit.example';

/** An e-mail address of the kit's, for a password lock it sets: `local` at the kit's domain. */
export function kitEmail(local: string): string {
  return `${local}@${KIT_MAIL_DOMAIN}`;
}

/** Whether a password lock's e-mail is one the kit gives (in this run or an earlier one). */
export function isKitEmail(email: string | undefined): boolean {
  return email?.toLowerCase().endsWith(`@${KIT_MAIL_DOMAIN}`) ?? false;
}
