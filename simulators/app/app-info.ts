/**
 * What the app shows about itself (seed 000 §2.5, §6, §6.4, §6.4.6, §6.4.7): its four main pages, the More menu,
 * Help and its Version, the permissions it asks for on first launch, and the language it starts in.
 */
import type { Platform } from '../device/device-spec.js';
import type { SimulatedDevice } from '../device/simulated-device.js';
import type { Permission } from '../device/permissions.js';
import { LANGUAGES, type Language } from './settings.js';

export const MAIN_PAGES = ['Home', 'Backup', '2FA', 'More'] as const;
export const MORE_ITEMS = [
  'Automated backup',
  'Backup while charging only',
  'Power saving mode',
  'Enhanced security for 2FA',
  'Free up space',
  'Language',
  'Help',
] as const;
export const HELP_ITEMS = ['Contact Us', 'FAQ', 'App Log', 'Version'] as const;
export type HelpItem = (typeof HELP_ITEMS)[number];
export const MENUS = { main: MAIN_PAGES, more: MORE_ITEMS, help: HELP_ITEMS } as const;
export type Menu = keyof typeof MENUS;

/** What a menu lists: the four main pages, the More page's seven entries, or Help's four (seed 000 §6, §6.4.7). */
export function menuItems(menu: Menu): readonly string[] {
  return MENUS[menu];
}

/** The version the reference app reports when none is given (migration needs 1.5.0 on Android, 268 on iOS). */
export const DEFAULT_APP_VERSION: Record<Platform, string> = { android: '1.6.2', ios: '281' };

/**
 * Android asks for auto-launch and background running, camera and external storage; iOS for camera, Face ID
 * (only where the phone has Face ID: iOS never shows that prompt elsewhere), the photo library and notifications.
 */
export function firstLaunchPermissions(device: SimulatedDevice): Permission[] {
  if (device.platform === 'android') {
    return ['auto-launch', 'camera', 'read-external-storage', 'write-external-storage'];
  }
  return ['camera', ...(device.biometric === 'face' ? (['face-id'] as const) : []), 'photo-library', 'notifications'];
}

/** The language chosen when the phone was set up, when the app offers it; English otherwise. */
export function initialLanguage(setupLanguage: string): Language {
  return (LANGUAGES as readonly string[]).includes(setupLanguage) ? (setupLanguage as Language) : 'English';
}

/**
 * Help > Contact Us (seed 000 §6.4.7): "the contact number, e-mail address, and website … as well as its social
 * media accounts such as Facebook, Twitter, LinkedIn, and YouTube, and mailing list to subscribe". The reference
 * app's details are example ones (RFC 2606 names, a 555 number).
 */
export const CONTACT_US = [
  'Contact number: +1 555 0100',
  'E-mail: support@example.com',
  'Website: https://www.example.com',
  'Follow us: Facebook, Twitter, LinkedIn, YouTube',
  'Subscribe to our mailing list for the latest product and company news',
].join('\n');

/** Help > FAQ: "Displays the Frequently Asked Questions (FAQs)", a few of them from what the seed explains. */
export const FAQ = [
  'Frequently Asked Questions',
  'Why does my backup not start? Backup and restore need the backup machine’s Wi-Fi network (LAN).',
  'Why is my backup on hold? With power saving on, backup holds below 30% battery.',
  'Can I restore to a new phone? Yes: migrate your backup to the replacement device.',
].join('\n');

/** What Help > item shows. */
export function helpPage(item: HelpItem, version: string): string {
  switch (item) {
    case 'Contact Us':
      return CONTACT_US;
    case 'FAQ':
      return FAQ;
    case 'App Log':
      return 'Activity logs with date, time and status.';
    case 'Version':
      return `Version ${version}`;
  }
}
