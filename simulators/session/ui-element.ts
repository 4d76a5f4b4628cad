/**
 * The app's screens as data: a tree of elements, each with an accessibility id, built from the app's state on every
 * read. What a tap or a typed value does travels with the element, so the tree is the one place that says both what
 * is shown and what is actionable; page source, screenshots and element lookups are all views of it.
 */
import type { SimulatorSession } from './simulator-session.js';

export type ElementRole =
  | 'screen'
  | 'bar'
  | 'group'
  | 'list'
  | 'row'
  | 'grid'
  | 'text'
  | 'button'
  | 'toggle'
  | 'checkbox'
  | 'radio'
  | 'tab'
  | 'field'
  | 'image'
  | 'dialog';

/** What a tap does; it may talk to the server, so it may be asynchronous. */
export type TapAction = (session: SimulatorSession) => void | Promise<void>;
export type InputAction = (session: SimulatorSession, text: string) => void | Promise<void>;

export interface UiElement {
  readonly role: ElementRole;
  /** The accessibility id: unique within one screen's tree, stable across renders of the same state. */
  readonly id: string;
  readonly text?: string;
  readonly checked?: boolean;
  readonly selected?: boolean;
  /** False greys the element out; a tap on it does nothing, as on a phone. */
  readonly enabled?: boolean;
  /** A password field: its text is never shown. */
  readonly secret?: boolean;
  readonly children?: readonly UiElement[];
  /** A grid row: how many cells a full row holds (a last row may hold fewer). */
  readonly columns?: number;
  readonly tap?: TapAction;
  readonly input?: InputAction;
}

type Extra = Omit<Partial<UiElement>, 'role' | 'id'>;

export const text = (id: string, value: string, extra: Extra = {}): UiElement => ({
  role: 'text',
  id,
  text: value,
  ...extra,
});

export const button = (id: string, label: string, tap: TapAction, extra: Extra = {}): UiElement => ({
  role: 'button',
  id,
  text: label,
  tap,
  ...extra,
});

export const toggle = (id: string, label: string, checked: boolean, tap: TapAction, extra: Extra = {}): UiElement => ({
  role: 'toggle',
  id,
  text: label,
  checked,
  tap,
  ...extra,
});

export const checkbox = (id: string, label: string, checked: boolean, tap: TapAction, extra: Extra = {}) =>
  ({ role: 'checkbox', id, text: label, checked, tap, ...extra }) satisfies UiElement;

export const radio = (id: string, label: string, checked: boolean, tap: TapAction): UiElement => ({
  role: 'radio',
  id,
  text: label,
  checked,
  tap,
});

export const field = (id: string, label: string, value: string, input: InputAction, secret = false): UiElement => ({
  role: 'field',
  id,
  text: secret ? '•'.repeat(value.length) || label : value || label,
  input,
  secret,
});

export const group = (role: ElementRole, id: string, children: readonly UiElement[], extra: Extra = {}): UiElement => ({
  role,
  id,
  children,
  ...extra,
});

/** Every element of a tree, depth first, the root included. */
export function* walk(root: UiElement): Generator<UiElement> {
  yield root;
  for (const child of root.children ?? []) yield* walk(child);
}

/** Ids are what elements are found and referenced by; two elements with one id would make a tap ambiguous. */
export function assertUniqueIds(root: UiElement): void {
  const seen = new Set<string>();
  for (const element of walk(root)) {
    if (seen.has(element.id)) throw new Error(`Two elements of one screen share the id "${element.id}".`);
    seen.add(element.id);
  }
}

/** A value usable inside an id: lower case, dashes for anything else. */
export const slug = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
