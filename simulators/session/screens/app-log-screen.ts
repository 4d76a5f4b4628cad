/** Help > App Log (seed 000 §6.4.7): dated entries, newest first, and the filter over its ten types. */
import { LOG_TYPES } from '../../app/app-log.js';
import type { SimulatorSession } from '../simulator-session.js';
import { button, checkbox, group, slug, text, type UiElement } from '../ui-element.js';

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
