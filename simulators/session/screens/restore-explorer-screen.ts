/**
 * The restore file explorer (seed 000 §6.2.2, Appendix B): tabs Recent, Archive and Delete, the kinds, All and Album
 * views, Select all and Deselect all, and the enlarge toggle: thumbnails in rows of 4, or of 2 when enlarged. Each
 * group (a day, an album, a documents folder) can be selected as a whole; Done goes back to the restore page.
 */
import type { ItemKind } from '../../../conformance/spec/file-types.js';
import type { TabName } from '../../../conformance/spec/protocol/common.js';
import type { ItemGroup, RestoreSelection } from '../../app/restore-selection.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, checkbox, group, slug, text, toggle, type UiElement } from '../ui-element.js';

const TAB_LABELS: Record<TabName, string> = { recent: 'Recent', archive: 'Archive', deleted: 'Delete' };
const KIND_LABELS: Record<ItemKind, string> = { photo: 'Photos', video: 'Videos', document: 'Documents' };

export function restoreExplorerScreen(session: SimulatorSession): UiElement[] {
  const page = session.restorePage;
  if (!page) return [text('explorer-loading', 'Loading…')];
  const selection = page.selection;
  const { tab, kind } = session.explorer;
  const kinds = page.kinds.filter((k): k is ItemKind => k !== '2fa');
  const chosen = selection.chosen();
  return [
    group(
      'bar',
      'explorer-tabs',
      (Object.keys(TAB_LABELS) as TabName[]).map((t) => ({
        role: 'tab' as const,
        id: `explorer-tab-${t}`,
        text: TAB_LABELS[t],
        selected: t === tab,
        tap: (s: SimulatorSession) => void (s.explorer = { ...s.explorer, tab: t }),
      })),
    ),
    group(
      'bar',
      'explorer-kinds',
      kinds.map((k) => ({
        role: 'tab' as const,
        id: `explorer-kind-${k}`,
        text: KIND_LABELS[k],
        selected: k === kind,
        tap: (s: SimulatorSession) => void (s.explorer = { ...s.explorer, kind: k }),
      })),
    ),
    group('bar', 'explorer-views', [
      {
        role: 'tab',
        id: 'explorer-view-all',
        text: 'All',
        selected: selection.view === 'all',
        tap: () => void (selection.view = 'all'),
      },
      {
        role: 'tab',
        id: 'explorer-view-album',
        text: 'Album',
        selected: selection.view === 'album',
        tap: () => void (selection.view = 'album'),
      },
    ]),
    toggle('explorer-enlarge', 'Enlarge', selection.enlarged, () => void (selection.enlarged = !selection.enlarged)),
    button('explorer-select-all', 'Select all', () => selection.selectAll(tab, kind)),
    button('explorer-deselect-all', 'Deselect all', () => selection.deselectAll(tab, kind)),
    text('explorer-selected', `${chosen.count} selected, ${session.app.rules.sizeText(chosen.bytes)}`),
    text('explorer-per-row', `${selection.perRow} per row`),
    group(
      'list',
      'explorer-groups',
      selection.groups(tab, kind).map((g) => groupElement(selection, tab, kind, g)),
    ),
    button('explorer-done', 'Done', (s) => s.nav.returnTo('restore')),
  ];
}

function groupElement(selection: RestoreSelection, tab: TabName, kind: ItemKind, itemGroup: ItemGroup): UiElement {
  const id = `group-${slug(itemGroup.title) || 'root'}`;
  const rows: UiElement[] = [];
  for (let at = 0; at < itemGroup.items.length; at += selection.perRow) {
    const cells = itemGroup.items
      .slice(at, at + selection.perRow)
      .map((item) =>
        checkbox(`item-${item.sha256.slice(0, 16)}`, item.meta.name, selection.isSelected(item), () =>
          selection.toggle(item),
        ),
      );
    rows.push(group('grid', `${id}-row-${at / selection.perRow}`, cells, { columns: selection.perRow }));
  }
  return group('group', id, [
    text(`${id}-title`, itemGroup.title),
    button(`${id}-select`, 'Select all', () => selection.selectGroup(tab, kind, itemGroup.title)),
    ...rows,
  ]);
}
