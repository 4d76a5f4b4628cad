/**
 * The restore main page (seed 000 §6.2.2.1, §11.1): a row per kind the platform restores, with its checkbox (none,
 * orange for some, blue for all), how many are selected and their size ("2.78GB"), Browse into the file explorer
 * (from app 1.6.0 on: restore-scope.ts), and Restore.
 */
import { restoreFromPage, type RestorePage, type RestoreRowKind } from '../../app/restore-page.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, checkbox, group, text, type UiElement } from '../ui-element.js';

const LABELS: Record<RestoreRowKind, string> = {
  photo: 'Photos',
  video: 'Videos',
  document: 'Documents',
  '2fa': '2FA Accounts',
};

export function restoreScreen(session: SimulatorSession): UiElement[] {
  const page = session.restorePage;
  if (!page) return [text('restore-loading', 'Loading…')];
  const chosen = page.selection.chosen();
  return [
    text('restore-option', page.option),
    group(
      'list',
      'restore-rows',
      page.kinds.map((kind) => restoreRow(page, kind, session.app.rules.sizeText)),
    ),
    text('restore-selected-total', `${chosen.count} items selected, ${session.app.rules.sizeText(chosen.bytes)}`),
    button('restore-start', 'Restore', (s) => {
      // Nothing selected is refused here, on this page, as a dialog; the job itself runs on after the tap.
      page.plan();
      s.track(restoreFromPage(s.app, page));
      s.nav.returnTo('backup');
    }),
  ];
}

function restoreRow(page: RestorePage, kind: RestoreRowKind, sizeText: (bytes: number) => string): UiElement {
  const row = page.row(kind);
  const summary = row.noItems
    ? 'No items'
    : kind === '2fa'
      ? `${row.selected} of ${row.total} selected`
      : `${row.selected} of ${row.total} selected, ${sizeText(row.selectedBytes)}`;
  const browse =
    kind === '2fa' || row.noItems || !page.offersExplorer
      ? []
      : [
          button(`restore-browse-${kind}`, 'Browse', (s) => {
            s.explorer = { tab: 'recent', kind };
            s.open('restore-explorer');
          }),
        ];
  return group('row', `restore-row-${kind}`, [
    checkbox(`restore-select-${kind}`, LABELS[kind], row.checkbox !== 'none', () => page.tap(kind), {
      enabled: !row.noItems,
    }),
    text(`restore-summary-${kind}`, summary),
    text(`restore-colour-${kind}`, row.checkbox),
    ...browse,
  ]);
}
