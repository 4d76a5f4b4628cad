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

/** What Help > item shows. */
export function helpPage(item: HelpItem, version: string): string {
  switch (item) {
    case 'Contact Us':
      return 'Contact number, e-mail address, website, social media and mailing list.';
    case 'FAQ':
      return 'Frequently Asked Questions.';
    case 'App Log':
      return 'Activity logs with date, time and status.';
    case 'Version':
      return `Version ${version}`;
  }
}
