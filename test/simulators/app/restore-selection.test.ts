import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../../conformance/spec/file-types.js';
import { RestoreSelection, SELECTION_RULES } from '../../../simulators/app/restore-selection.js';

const item = (n: number, kind: ItemKind, day: number, album: string) => ({
  sha256: n.toString(16).padStart(64, '0'),
  size: 100 * n,
  meta: { kind, name: `f${n}`, path: `/f${n}`, album, capturedAt: Date.UTC(2021, 3, day, 12) },
  tab: 'recent' as const,
  storedAs: `blocks/x/0/${n}`,
  confirmedAt: 0,
});

describe('restore file explorer', () => {
  const recent = [
    item(1, 'photo', 19, 'Camera'),
    item(2, 'photo', 19, 'WhatsApp'),
    item(3, 'photo', 20, 'Camera'),
    item(4, 'video', 20, 'Camera'),
  ];
  const archive = [item(5, 'photo', 1, 'Camera')];

  it('groups by date (newest first) in All view and by album in Album view', () => {
    const s = new RestoreSelection({ recent, archive, deleted: [] }, SELECTION_RULES);
    expect(s.groups('recent', 'photo').map((g) => [g.title, g.items.length])).toEqual([
      ['2021-04-20', 1],
      ['2021-04-19', 2],
    ]);
    s.view = 'album';
    expect(s.groups('recent', 'photo').map((g) => [g.title, g.items.length])).toEqual([
      ['Camera', 2],
      ['WhatsApp', 1],
    ]);
  });

  it('selects all, none or a few, per tab and kind, and shows the checkbox state', () => {
    const s = new RestoreSelection({ recent, archive, deleted: [] }, SELECTION_RULES);
    expect(s.checkState('recent', 'photo')).toBe('none');
    expect(s.checkState('deleted', 'photo')).toBe('empty');
    s.selectAll('recent', 'photo');
    expect(s.checkState('recent', 'photo')).toBe('all');
    expect(s.checkState('recent', 'video')).toBe('none');
    s.toggle(recent[0]!);
    expect(s.checkState('recent', 'photo')).toBe('some');
    s.selectAll('archive', 'photo');
    expect(s.chosen()).toMatchObject({ count: 3, bytes: 200 + 300 + 500 });
    s.deselectAll('recent', 'photo');
    expect(s.chosen().count).toBe(1);
  });

  it('shows 4 thumbnails per row, 2 when enlarged', () => {
    const s = new RestoreSelection({ recent, archive, deleted: [] }, SELECTION_RULES);
    expect(s.perRow).toBe(4);
    s.enlarged = true;
    expect(s.perRow).toBe(2);
  });
});
