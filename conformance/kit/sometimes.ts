/**
 * "Sometimes" coverage: the interesting states a property names and must reach in some of its cases (a resume from
 * a non-zero offset, a crash with a job open). A run that never reaches one leaves the rules about it unjudged: a
 * finding about the kit, shown as a warning beside the verdict, never a failure of the target.
 */
export class Sometimes<Name extends string = string> {
  private readonly counts: Map<Name, number>;

  constructor(readonly names: readonly Name[]) {
    this.counts = new Map(names.map((name) => [name, 0]));
  }

  reach(name: Name): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** How many times each named state was reached, in the order named. */
  reached(): Record<string, number> {
    return Object.fromEntries(this.names.map((name) => [name, this.counts.get(name) ?? 0]));
  }
}

/** The named states a result never reached. */
export function neverReached(reached: Readonly<Record<string, number>> | undefined): string[] {
  return Object.entries(reached ?? {})
    .filter(([, count]) => count === 0)
    .map(([name]) => name);
}
