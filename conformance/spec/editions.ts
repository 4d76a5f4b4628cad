/**
 * Editions of the desktop program and their Mobile Backup Server ports (seed 000 §2.5). TCP and UDP are separate
 * port spaces; the default is the first port of each range, and a busy default moves to the next free port in range.
 */
export const EDITIONS = {
  pro: { label: 'Pro', tcp: { first: 50000, last: 50099 }, udp: { first: 50200, last: 50299 }, twoFactor: true },
  lite: { label: 'Lite', tcp: { first: 51000, last: 51299 }, udp: { first: 51200, last: 51299 }, twoFactor: true },
  home: { label: 'Home', tcp: { first: 52000, last: 52099 }, udp: { first: 52200, last: 52299 }, twoFactor: false },
} as const satisfies Record<
  string,
  {
    readonly label: string;
    readonly tcp: { readonly first: number; readonly last: number };
    readonly udp: { readonly first: number; readonly last: number };
    readonly twoFactor: boolean;
  }
>;

export type Edition = keyof typeof EDITIONS;
export const EDITION_NAMES = Object.keys(EDITIONS) as Edition[];

/** The editions a run of the reference server tests when neither --editions nor a matrix names them: all three. */
export const DEFAULT_EDITIONS: readonly Edition[] = EDITION_NAMES;

export function isEdition(value: unknown): value is Edition {
  return typeof value === 'string' && Object.hasOwn(EDITIONS, value);
}
