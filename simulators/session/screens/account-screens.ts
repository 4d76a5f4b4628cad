/**
 * Editing the 2FA page's accounts (seed 000 §6.3.2-§6.3.4): a row's arrow down shows Edit, which opens the account's
 * name with Save and "Remove account"; Reorder lists the accounts with their reorder handles and Done. The handles
 * are dragged on a phone; here each row offers Move up and Move down, the accessibility actions a reorderable list
 * gives for the drag, so that a WebDriver test can reorder with taps.
 */
import type { SimulatorSession } from '../simulator-session.js';
import { button, field, group, text, type UiElement } from '../ui-element.js';

export const ACCOUNT_EDITED = 'The account has been successfully edited.';
export const ACCOUNT_REMOVED = 'The account has been successfully removed.';
export const ACCOUNTS_REORDERED = 'Accounts are successfully reordered.';

/** The row's arrow down: shows (or hides) the account's Edit icon. */
export function accountMenu(session: SimulatorSession, id: string): UiElement[] {
  const open = session.accountMenu === id;
  return [
    button(`account-${id}-expand`, open ? '▲' : '▼', (s) => void (s.accountMenu = open ? undefined : id)),
    ...(open ? [button(`account-${id}-edit`, 'Edit', (s) => openEdit(s, id))] : []),
  ];
}

function openEdit(session: SimulatorSession, id: string): void {
  session.accountDraft = { id, name: session.app.accounts.get(id).label };
  session.accountMenu = undefined;
  session.open('account-edit');
}

export function accountEditScreen(session: SimulatorSession): UiElement[] {
  const name = session.accountDraft?.name ?? '';
  const draft = (s: SimulatorSession) => s.accountDraft ?? { id: '', name: '' };
  return [
    field('account-edit-name', 'Account name', name, (s, v) => void (s.accountDraft = { ...draft(s), name: v })),
    // A refused name leaves the screen open with the reason shown.
    button('account-edit-save', 'Save', (s) => {
      s.app.accounts.rename(draft(s).id, draft(s).name);
      s.back();
      s.message = ACCOUNT_EDITED;
    }),
    button('account-edit-remove', 'Remove account', (s) => {
      s.app.accounts.remove(draft(s).id);
      s.back();
      s.message = ACCOUNT_REMOVED;
    }),
  ];
}

/** Reorder: the accounts in the order being set, until Done keeps it (Back leaves the order as it was). */
export function openReorder(session: SimulatorSession): void {
  session.reorderDraft = session.app.accounts.list().map((a) => a.id);
  session.open('account-reorder');
}

const moved = (ids: readonly string[], from: number, to: number) => {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id as string);
  return next;
};

export function accountReorderScreen(session: SimulatorSession): UiElement[] {
  const ids = session.reorderDraft ?? [];
  const label = (id: string) => session.app.accounts.list().find((a) => a.id === id);
  const move = (from: number, to: number) => (s: SimulatorSession) =>
    void (s.reorderDraft = moved(s.reorderDraft ?? [], from, to));
  return [
    group(
      'list',
      'reorder-accounts',
      ids.map((id, i) =>
        group('row', `reorder-${id}`, [
          text(`reorder-${id}-name`, `${label(id)?.issuer}: ${label(id)?.label}`),
          button(`reorder-${id}-up`, 'Move up', move(i, i - 1), { enabled: i > 0 }),
          button(`reorder-${id}-down`, 'Move down', move(i, i + 1), { enabled: i < ids.length - 1 }),
        ]),
      ),
    ),
    button('reorder-done', 'Done', (s) => {
      s.app.accounts.reorder(s.reorderDraft ?? []);
      s.reorderDraft = undefined;
      s.back();
      s.message = ACCOUNTS_REORDERED;
    }),
  ];
}
