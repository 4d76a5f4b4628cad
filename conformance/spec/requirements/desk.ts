/**
 * The desktop program's screens (seed 000 §7.1, §11.2, §6.3.1, Appendix A; seed 001 2FA; seed 002): what a person
 * sees at the desktop while pairing, migrating, setting up 2FA and logging in. The kit checks them on a web console
 * in Chromium: the reference console served at `/`, or a vendor's with a locator map.
 */
import type { Requirement } from './types.js';

const S000 = '000_8f6d92a3609944da.txt';

export const DESK_REQUIREMENTS = [
  {
    id: 'DESK-01',
    statement:
      'Settings > Mobile Backup > "Add or migrate device" offers "Add new device for backup without migration" and "Migrate backup content of existing device to a new device".',
    level: 'MUST',
    appliesTo: ['server'],
    source: { seed: S000, section: '§7.1' },
  },
  {
    id: 'DESK-02',
    statement:
      'Migrating asks for the original device among the paired ones, with the note "Please make sure your new device has not paired with any … client applications in order to complete the migration."',
    level: 'MUST',
    appliesTo: ['server'],
    source: { seed: S000, section: '§7.1' },
  },
  {
    id: 'DESK-03',
    statement:
      'The pairing dialog shows a QR code of the pairing payload, the actual TCP and UDP ports, and the prerequisites "Please use the latest Mobile App version" and the ports not blocked by any firewall.',
    level: 'MUST',
    appliesTo: ['server'],
    source: { seed: S000, section: '§7.1' },
  },
  {
    id: 'DESK-04',
    statement:
      'Once a device pairs by that QR code the desktop says it paired successfully and lists it with its backup folder …\\<device name>\\.',
    level: 'MUST',
    appliesTo: ['server'],
    source: { seed: S000, section: '§7.1' },
  },
  {
    id: 'DESK-05',
    statement:
      'After a migration the desktop says the migration of contents from the original to the replacement is completed, and lists the replacement’s name on the original’s unchanged backup folder.',
    level: 'MUST',
    appliesTo: ['server'],
    source: { seed: S000, section: '§7.1' },
  },
  {
    id: 'DESK-06',
    statement:
      'Settings > Authentication has the 2FA switch, Add with a QR code, "Not able to scan QR code? Click here to pair with TOTP secret key", Show Secret Key (16 characters) and the registered devices.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: S000, section: '§6.3.1: TOTP Only' },
  },
  {
    id: 'DESK-07',
    statement: 'The Home edition’s desktop program has no Authentication settings and no 2FA at login.',
    level: 'MUST',
    appliesTo: ['server', 'home'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: Limitations' },
  },
  {
    id: 'DESK-08',
    statement:
      'Push login shows "Approve request in Authenticator App from "<device>"" and a countdown of the request’s 5 minutes on the server’s clock; approving on the phone logs in.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: S000, section: 'Appendix A: Unable to accept notification request' },
  },
  {
    id: 'DESK-09',
    statement: 'The one-time password screen counts down the current code’s time "(hh:mm:ss)" and accepts the code.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: S000, section: 'Appendix A: One-time password generated not working' },
  },
  {
    id: 'DESK-10',
    statement:
      '"Unable to login": the chosen device "will be discarded", the phone’s last two digits, the SMS code’s letters with its countdown; the right digits log in and show a QR code to pair again.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: S000, section: 'Appendix A: Unable to accept notification request' },
  },
  {
    id: 'DESK-11',
    statement:
      '"Forgot password": the license e-mail, "Verification code has been sent to", the code’s letters with its 24-hour countdown; the new password typed twice resets the lock.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: S000, section: 'Appendix A: Password Lock forgot password' },
  },
  {
    id: 'DESK-12',
    statement: 'The desktop shows every device name and model exactly as given, markup included, as text.',
    level: 'MUST',
    appliesTo: ['server'],
    source: { seed: S000, section: '§7.1' },
    interpretation:
      'The seed shows the registered device by the name it pairs with ("Redmi Note 8"); a name that looks like markup is still a name, so it shows as its characters and runs nothing.',
  },
  {
    id: 'DESK-13',
    statement:
      '"Trust this browser" with a one-time password lets the next login from that browser skip the one-time password.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Trusted browser' },
  },
] as const satisfies readonly Requirement[];
