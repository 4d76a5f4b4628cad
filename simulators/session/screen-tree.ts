/**
 * The whole screen as one tree: the page the navigation is on, the tab bar on the four main pages, and the dialog
 * when the app has something to say. A locked phone shows its lock screen instead of the app, and a phone with the
 * app in the background its home screen.
 */
import { accountEditScreen, accountReorderScreen } from './screens/account-screens.js';
import { backupScreen, backupSourceScreen, connectionScreen } from './screens/backup-screen.js';
import { homeScreen, tabBar } from './screens/main-screens.js';
import {
  appLogScreen,
  freeUpLimitScreen,
  helpScreen,
  languageScreen,
  logFilterScreen,
  moreScreen,
} from './screens/more-screen.js';
import { migrationScreen, pairConfirmScreen } from './screens/pairing-screens.js';
import { authenticateScreen, lockScreen, scannerScreen } from './screens/prompt-screens.js';
import { recoveryPhoneScreen } from './screens/recovery-screen.js';
import { restoreExplorerScreen } from './screens/restore-explorer-screen.js';
import { restoreScreen } from './screens/restore-screen.js';
import { secretEntryScreen, twoFactorScreen } from './screens/two-factor-screen.js';
import type { SimulatorSession } from './simulator-session.js';
import { isMainScreen, type ScreenName } from './screen-state.js';
import { button, group, text, type UiElement } from './ui-element.js';

type Builder = (session: SimulatorSession) => UiElement[];

/** Every screen, its title, and what draws it: a missing one is a compile error. */
export const SCREENS = {
  home: { title: 'Home', build: homeScreen },
  backup: { title: 'Backup', build: backupScreen },
  'two-factor': { title: '2FA', build: twoFactorScreen },
  more: { title: 'More', build: moreScreen },
  connection: { title: 'Edit connection setting', build: connectionScreen },
  restore: { title: 'Restore', build: restoreScreen },
  'restore-explorer': { title: 'Select files', build: restoreExplorerScreen },
  'secret-entry': { title: 'Not able to scan QR code?', build: secretEntryScreen },
  'account-edit': { title: 'Edit account', build: accountEditScreen },
  'account-reorder': { title: 'Reorder', build: accountReorderScreen },
  scanner: { title: 'Scan QR code', build: scannerScreen },
  'pair-confirm': { title: 'Activate and start backup', build: pairConfirmScreen },
  migration: { title: 'Migration', build: migrationScreen },
  'backup-source': { title: 'Backup source', build: backupSourceScreen },
  'recovery-phone': { title: 'Enter recovery phone number', build: recoveryPhoneScreen },
  authenticate: { title: 'Authenticate', build: authenticateScreen },
  'free-up-limit': { title: 'Free up space', build: freeUpLimitScreen },
  language: { title: 'Language', build: languageScreen },
  help: { title: 'Help', build: helpScreen },
  'app-log': { title: 'App Log', build: appLogScreen },
  'log-filter': { title: 'Filter', build: logFilterScreen },
} as const satisfies Record<ScreenName, { title: string; build: Builder }>;

export function buildScreen(session: SimulatorSession): UiElement {
  if (session.locked) {
    return group('screen', 'app', [group('group', 'screen-lock', lockScreen(session))]);
  }
  // In the background the phone shows its home screen: the app's pages take no taps until it is opened again.
  if (!session.device.foreground) {
    const open = button('launcher-app', 'MBS', (s) => s.device.setForeground(true));
    return group('screen', 'app', [group('group', 'screen-launcher', [open])]);
  }
  const screen = session.screen;
  const { title, build } = SCREENS[screen];
  const children: UiElement[] = [
    text('screen-title', title),
    ...(isMainScreen(screen) ? [] : [button('nav-back', 'Back', (s) => s.back())]),
    group('group', `screen-${screen}`, build(session)),
  ];
  if (isMainScreen(screen)) children.push(tabBar(session));
  if (session.message !== undefined) {
    // The tap clears the session's dialog before OK runs: OK keeps where it leads from when it was drawn.
    const leadsTo = session.messageLeadsTo;
    children.push(
      group('dialog', 'message', [
        text('message-text', session.message),
        button('message-ok', 'OK', (s) => {
          s.message = undefined;
          leadsTo?.(s);
        }),
      ]),
    );
  }
  return group('screen', 'app', children);
}
