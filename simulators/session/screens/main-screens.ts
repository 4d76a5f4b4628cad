/** The tab bar and the Home page (seed 000 §6: Home, Backup, 2FA, More). */
import { formatCounts } from '../../app/mobile-app.js';
import type { SimulatorSession } from '../simulator-session.js';
import type { MainScreen } from '../screen-state.js';
import { button, group, text, type UiElement } from '../ui-element.js';

/** The main pages' tabs, in the order of the app's main menu (Home, Backup, 2FA, More). */
const TABS: readonly { screen: MainScreen; id: string }[] = [
  { screen: 'home', id: 'tab-home' },
  { screen: 'backup', id: 'tab-backup' },
  { screen: 'two-factor', id: 'tab-2fa' },
  { screen: 'more', id: 'tab-more' },
];

/** The tab bar: a tab per main page, labelled as the app's menu names its pages, in order. */
export function tabBar(session: SimulatorSession): UiElement {
  const labels = session.app.menu('main');
  return group(
    'bar',
    'tab-bar',
    TABS.slice(0, labels.length).map(({ screen, id }, i) => ({
      role: 'tab' as const,
      id,
      text: labels[i] as string,
      selected: session.screen === screen,
      tap: async (s: SimulatorSession) => {
        // Enhanced security asks again each time the 2FA page is opened from another page.
        if (s.screen !== screen) s.twoFactorUnlocked = false;
        s.open(screen);
        // Opening the 2FA page fetches what the push notification service holds, as the app does on resume.
        if (screen === 'two-factor') await s.pollPush();
      },
    })),
  );
}

/** Opens the QR scanner, after the camera permission the OS asks for. */
export function openScanner(session: SimulatorSession, purpose: 'pairing' | '2fa'): void {
  // A device without a camera cannot scan (seed 002: the camera is "for scanning QR code"); 2FA has a secret key.
  if (!session.device.spec.camera) {
    session.message =
      purpose === '2fa'
        ? 'This device has no camera to scan QR codes: use "Not able to scan QR code?" instead.'
        : 'This device has no camera to scan QR codes.';
    return;
  }
  if (!session.device.permissions.request('camera')) {
    session.message = 'Allow camera access to scan QR codes.';
    return;
  }
  session.scannerPurpose = purpose;
  session.open('scanner');
}

export function homeScreen(session: SimulatorSession): UiElement[] {
  const { app, device } = session;
  const pairing = app.pairing;
  const job = app.backupJob;
  const last =
    job?.state === 'completed' && job.counts ? `Last backup: ${formatCounts(job.counts, device.platform)}` : '';
  return [
    text('home-title', 'Mobile Backup'),
    text(
      'home-device',
      `${device.spec.name} · ${device.platform === 'android' ? 'Android' : 'iOS'} ${device.spec.osVersion}`,
    ),
    text(
      'home-status',
      pairing
        ? `Paired with ${pairing.payload.edition} at ${pairing.host}:${pairing.tcpPort}`
        : 'Not paired with a backup machine',
    ),
    button('home-activate', 'Activate and start backup', (s) => openScanner(s, 'pairing'), {
      enabled: pairing === undefined,
    }),
    text('home-last-backup', last || 'No backup yet'),
  ];
}
