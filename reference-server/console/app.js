/*
 * The web console's entry: the sign-in with the console key, then the desktop program's screens for this server's
 * edition (Home has no Authentication and no 2FA login). A wrong key is refused with one message whatever the key
 * was, so the page never tells whether a key exists.
 */
/* global document */
import { ApiError, consoleKey, read } from './api.js';
import { authenticationScreen } from './authentication.js';
import { screenShown } from './changes.js';
import { hasTwoFactorScreens } from './edition-screens.js';
import { loginScreen } from './login.js';
import { mobileBackupScreen } from './mobile-backup.js';
import { setText } from './names.js';

const LABELS = { pro: 'CloudBacko Pro', lite: 'CloudBacko Lite', home: 'CloudBacko Home' };
const $ = (id) => document.getElementById(id);

function showTab(name) {
  for (const section of document.querySelectorAll('[data-screen]')) section.hidden = section.id !== name;
  for (const tab of document.querySelectorAll('nav [data-tab]')) {
    if (tab.dataset.tab === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  screenShown();
}

async function enter(info) {
  $('sign-in').hidden = true;
  $('main').hidden = false;
  $('sign-out').hidden = false;
  const twoFactor = hasTwoFactorScreens(info);
  $('tab-authentication').hidden = !twoFactor;
  $('tab-login').hidden = !twoFactor;
  if (!twoFactor) {
    $('authentication').remove();
    $('login').remove();
  }
  for (const tab of document.querySelectorAll('nav [data-tab]')) {
    tab.addEventListener('click', () => showTab(tab.dataset.tab));
  }
  showTab('mobile-backup');
  mobileBackupScreen($('mobile-backup'), info);
  if (twoFactor) {
    authenticationScreen($('authentication'));
    loginScreen($('login'), info);
  }
  document.documentElement.dataset.ready = 'console';
}

/** Whether the key opens the console routes: any refusal reads the same. */
async function keyWorks(key) {
  try {
    await read('/v1/console/devices', key);
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return false;
    throw error;
  }
}

async function main() {
  const server = await read('/v1/info', undefined);
  const info = { ...server, editionLabel: LABELS[server.edition] ?? server.edition };
  document.title = `${info.editionLabel} — Mobile Backup Server console`;
  setText($('title'), info.editionLabel);
  setText($('server-name'), server.name);
  $('sign-out').addEventListener('click', () => {
    consoleKey.clear();
    document.location.reload();
  });
  const saved = consoleKey.get();
  if (saved && (await keyWorks(saved))) return enter(info);
  consoleKey.clear();
  $('sign-in').hidden = false;
  document.documentElement.dataset.ready = 'sign-in';
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = $('console-key').value;
    $('sign-in-error').textContent = '';
    if (await keyWorks(key)) {
      consoleKey.set(key);
      $('console-key').value = '';
      return enter(info);
    }
    $('sign-in-error').textContent = 'This console key is not accepted.';
  });
}

void main();
