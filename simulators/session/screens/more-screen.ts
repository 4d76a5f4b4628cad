/**
 * The More page (seed 000 §6.4): the run-condition switches, enhanced security for 2FA (which asks for the device
 * password or a biometric to change), free up space with its status, iOS's note and its limit picker (a limit marked, then Done), the language list, and Help with the
 * App Log (seed 000 §6.4.7): dated entries, newest first, and the filter over its ten types.
 */
import { CLIENT_ERRORS } from '../../../conformance/spec/errors.js';
import { HELP_ITEMS } from '../../app/app-info.js';
import type { Attempt } from '../../app/authenticator/enhanced-security.js';
import { LOG_TYPES } from '../../app/app-log.js';
import { FREE_UP_SPACE_LIMITS_GB, type AppSettings, type Language } from '../../app/settings.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, checkbox, group, radio, slug, text, toggle, type UiElement } from '../ui-element.js';

type Switch = 'automatedBackup' | 'backupWhileChargingOnly' | 'powerSaving' | 'freeUpSpace';
const SWITCHES: readonly { key: Switch; id: string; label: string }[] = [
  { key: 'automatedBackup', id: 'more-automated-backup', label: 'Automated backup' },
  { key: 'backupWhileChargingOnly', id: 'more-charging-only', label: 'Backup while charging only' },
  { key: 'powerSaving', id: 'more-power-saving', label: 'Power saving mode' },
  { key: 'freeUpSpace', id: 'more-free-up-space', label: 'Free up space' },
];

const flip = (key: Switch) => (s: SimulatorSession) => {
  const on = !s.app.settings[key];
  s.app.updateSettings({ [key]: on } as Partial<AppSettings>);
  // Free up space says it took the change (seed 000 §6.4.5 step 5).
  if (key === 'freeUpSpace') s.message = s.app.rules.freeUpToast(on ? 'enabled' : 'disabled');
};

export function moreScreen(session: SimulatorSession): UiElement[] {
  const { settings, security } = session.app;
  const [automated, charging, saving, freeUp] = SWITCHES.map(({ key, id, label }) =>
    toggle(id, label, settings[key], flip(key)),
  ) as [UiElement, UiElement, UiElement, UiElement];
  return [
    automated,
    charging,
    saving,
    toggle('more-enhanced-security', 'Enhanced security for 2FA', security.enabled, toggleSecurity),
    freeUp,
    text('more-free-up-status', session.app.rules.freeUpStatusText(settings.freeUpSpace)),
    ...freeUpNote(session),
    button(
      'more-free-up-limit',
      `Free up space limit: ${settings.freeUpSpaceLimitGb} GB`,
      (s) => {
        s.limitPick = undefined;
        s.open('free-up-limit');
      },
      {
        enabled: settings.freeUpSpace,
      },
    ),
    ...(session.app.menu('more').includes('Language')
      ? [button('more-language', `Language: ${settings.language}`, (s) => s.open('language'))]
      : []),
    button('more-help', 'Help', (s) => s.open('help')),
  ];
}

/** iOS's note that removed items wait in Recently Deleted (seed 000 §6.4.5); none on Android. */
function freeUpNote(session: SimulatorSession): UiElement[] {
  const note = session.app.rules.freeUpNote(session.device.platform);
  return note === undefined ? [] : [text('more-free-up-note', note)];
}

/** Turning it on needs a screen lock; either way the device authentication comes first. */
function toggleSecurity(session: SimulatorSession): void {
  const enable = !session.app.security.enabled;
  if (enable && !session.app.security.available) {
    session.message = CLIENT_ERRORS['security-unavailable'];
    return;
  }
  const turn = (s: SimulatorSession, attempt?: Attempt) => {
    s.app.security.setEnabled(enable, attempt);
    s.app.updateSettings({ enhancedSecurity2fa: enable });
    s.twoFactorUnlocked = false;
    // It says it took the change (seed 000 §6.4.4 step 5).
    s.message = s.app.rules.securityToast(enable);
  };
  if (!session.app.security.asks(enable ? 'turn-on' : 'turn-off')) return turn(session);
  session.authenticate(`Turn ${enable ? 'on' : 'off'} enhanced security for 2FA`, turn);
}

export function freeUpLimitScreen(session: SimulatorSession): UiElement[] {
  const marked = session.limitPick ?? session.app.settings.freeUpSpaceLimitGb;
  return [
    text('limit-title', 'Keep at least this much space free'),
    group(
      'list',
      'limit-options',
      FREE_UP_SPACE_LIMITS_GB.map((gb) =>
        radio(`limit-${gb}`, `${gb} GB`, gb === marked, (s) => {
          s.limitPick = gb;
          if (s.app.rules.limitSetOn('pick')) setLimit(s);
        }),
      ),
    ),
    button('limit-done', 'Done', (s) => {
      if (s.app.rules.limitSetOn('done')) setLimit(s);
    }),
  ];
}

/** Sets the marked limit, back to More, and says so (seed 000 §6.4.5: "Click Done", then step 5). */
function setLimit(session: SimulatorSession): void {
  session.app.updateSettings({ freeUpSpaceLimitGb: session.limitPick ?? session.app.settings.freeUpSpaceLimitGb });
  session.limitPick = undefined;
  session.back();
  session.message = session.app.rules.freeUpToast('limit-set');
}

export function languageScreen(session: SimulatorSession): UiElement[] {
  const current = session.app.settings.language;
  return [
    group(
      'list',
      'language-options',
      session.app.languages().map((language) =>
        radio(`language-${slug(language)}`, language, language === current, (s) => {
          s.app.updateSettings({ language: language as Language });
          s.back();
        }),
      ),
    ),
  ];
}

export function helpScreen(session: SimulatorSession): UiElement[] {
  const offered = session.app.menu('help');
  return [
    ...HELP_ITEMS.filter((item) => item !== 'Version' && offered.includes(item)).map((item) =>
      button(`help-${slug(item)}`, item, (s) => {
        if (item === 'App Log') s.open('app-log');
        else s.message = s.app.help(item);
      }),
    ),
    text('help-version', session.app.help('Version')),
  ];
}

export function appLogScreen(session: SimulatorSession): UiElement[] {
  const entries = session.app.log.visible();
  return [
    button('log-filter', 'Filter', (s) => s.open('log-filter')),
    text('log-count', `${entries.length} entries`),
    group(
      'list',
      'log-entries',
      entries.map((entry, i) =>
        text(
          `log-${i}`,
          `${new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19)} ${entry.type}: ${entry.message}`,
        ),
      ),
    ),
  ];
}

export function logFilterScreen(session: SimulatorSession): UiElement[] {
  return [
    group(
      'list',
      'filter-types',
      LOG_TYPES.map((type) =>
        checkbox(`filter-${slug(type)}`, type, session.logFilter.has(type), (s) => {
          if (!s.logFilter.delete(type)) s.logFilter.add(type);
          s.app.log.setFilter([...s.logFilter]);
        }),
      ),
    ),
    button('filter-done', 'Done', (s) => s.back()),
  ];
}
