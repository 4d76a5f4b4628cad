/** The desktop program's login flow with password lock and 2FA (seed 000 §1.3, §6.4.4, §11.2, Appendix A; seeds 001, 002). */
import type { Requirement } from './types.js';

export const LOGIN_REQUIREMENTS = [
  {
    id: 'LOGIN-01',
    statement: 'At startup the desktop program asks first for the password lock (if enabled), then for the 2FA method.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'LOGIN-02',
    statement: 'With 2FA enabled and password lock off, startup goes straight to the choice of 2FA method.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'LOGIN-03',
    statement: 'With 2FA disabled, the desktop program opens without a second factor.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.2' },
  },
  {
    id: 'LOGIN-04',
    statement: 'With 2FA enabled, the desktop program never opens on the password lock alone.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.3' },
  },
  {
    id: 'LOGIN-05',
    statement:
      'The methods offered follow the registered authenticators: push only for devices registered by QR code, one-time password for all.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.3' },
  },
  {
    id: 'LOGIN-06',
    statement:
      'While it waits for push approval, the server offers "Authenticate with one-time password" as an alternative.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: How it works' },
  },
  {
    id: 'LOGIN-07',
    statement: 'The push waiting screen also accepts a one-time password typed directly into it.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: One-time password generated not working' },
  },
  {
    id: 'LOGIN-08',
    statement:
      'When only one-time password authenticators are registered, the server asks for the one-time passcode and starts no push wait.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.2' },
  },
  {
    id: 'LOGIN-09',
    statement: 'The one-time password prompt names the registered device whose app generates the password.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.4' },
  },
  {
    id: 'LOGIN-10',
    statement: 'Both the push waiting screen and the one-time password screen offer an "Unable to login" link.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§11.2' },
  },
  {
    id: 'LOGIN-11',
    statement: 'A valid one-time password confirmed with Next logs the desktop program in.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: 'Appendix A: Unable to accept notification request' },
  },
  {
    id: 'LOGIN-12',
    statement:
      'A login with "Trust this browser" ticked lets later logins from that browser skip the one-time code; without it, each login asks.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Trusted browser' },
    interpretation:
      'Seed 002 describes another service’s web console; it applies to the reference server’s web console only.',
  },
  {
    id: 'LOGIN-13',
    statement:
      'A trusted browser skips the one-time code for 30 days after it was trusted, and is asked for it after that.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '002_938a6250c384f84c.txt', section: 'Trusted browser' },
    interpretation: 'The seed gives no lifetime; PROTOCOL.md ("The login") states 30 days without condition.',
  },
] as const satisfies readonly Requirement[];
