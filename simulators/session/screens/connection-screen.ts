/**
 * "Edit connection setting" (seed 000 §6.2.1): locate the backup machine automatically, or type its host name or
 * IP address. Save checks that the machine answers; a bad address shows the seed's message and keeps the screen.
 */
import type { SimulatorSession } from '../simulator-session.js';
import { button, field, radio, text, type UiElement } from '../ui-element.js';

export function connectionScreen(session: SimulatorSession): UiElement[] {
  const draft = session.connectionDraft;
  return [
    text('connection-title', 'Connection setting'),
    radio('connection-auto', 'Automatically locate', draft.mode === 'auto', (s) => {
      s.connectionDraft = { ...s.connectionDraft, mode: 'auto' };
    }),
    radio('connection-manual', 'Enter host name / IP address', draft.mode === 'manual', (s) => {
      s.connectionDraft = { ...s.connectionDraft, mode: 'manual' };
    }),
    {
      ...field('connection-host', 'Host name or IP address', draft.host, (s, value) => {
        s.connectionDraft = { mode: 'manual', host: value.trim() };
      }),
      enabled: draft.mode === 'manual',
    },
    button('connection-save', 'Save', save),
    button('connection-cancel', 'Cancel', (s) => s.back()),
  ];
}

async function save(session: SimulatorSession): Promise<void> {
  const draft = session.connectionDraft;
  await session.app.setConnection(draft.mode === 'manual' ? { mode: 'manual', host: draft.host } : { mode: 'auto' });
  session.back();
  session.message = 'Connection setting saved.';
}
