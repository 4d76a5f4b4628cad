/**
 * Where a check's generated content comes from: file bytes (content seeds), file and device names, and the ids a
 * check makes up, all drawn in order from the run's seed, the check and the column, so that a seed and a commit
 * replay a run byte for byte. A property's draws also depend on which generated case is running (its fast-check
 * path, see withCaseContent): a replay with --replay runs only the failing case, and must draw what it drew.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';

export class ContentSource {
  private case = '';
  private drawn = 0;
  private counted = 0;
  /** The case's server randomness key, made once per case: every request of the case names it. */
  private caseKey: string | undefined;
  /** The tags drawn so far, to tell a name this source tagged (carriesTag). */
  private readonly tags = new Set<string>();

  /** `scope` names the check and column; `seed` is the run's. */
  constructor(
    private readonly seed: number,
    private readonly scope: string,
  ) {}

  /** Starts the draws of a generated case: the same case (by its fast-check path) always draws the same. */
  startCase(path: string): void {
    this.case = path;
    this.drawn = 0;
    this.counted = 0;
    this.caseKey = undefined;
  }

  /** A content seed for an item's bytes: 48 bits, so that two items of a run share bytes only when told to. */
  contentSeed(): number {
    return this.next().readUIntBE(0, 6);
  }

  /** An id of `bytes` random-looking bytes, base64url. */
  id(bytes = 6): string {
    return this.next().subarray(0, bytes).toString('base64url');
  }

  /**
   * A tag for names that must differ across the run (a device's, since two devices of one name paired in the same
   * millisecond share a backup folder on the reference server): 40 bits of the check, column, case and draw.
   */
  tag(): string {
    const tag = this.next().subarray(0, 5).toString('hex');
    this.tags.add(tag);
    return tag;
  }

  /** Whether `name` ends with a tag this source drew: no one else (no other seed, check or column) names so. */
  carriesTag(name: string): boolean {
    const last = name.lastIndexOf(' ');
    return last >= 0 && this.tags.has(name.slice(last + 1));
  }

  /** 1, 2, 3… within the case: numbers for names that need only differ on one phone. */
  count(): number {
    this.counted += 1;
    return this.counted;
  }

  /**
   * The key of the server's randomness for the case running now (the conformance header): the same case draws the
   * same server values in a run and in its replay, however the cells sharing the server are scheduled.
   */
  randomnessKey(): string {
    if (this.caseKey === undefined) {
      const digest = createHash('sha256').update(`${this.seed}\n${this.scope}\n${this.case}\nserver`).digest();
      this.caseKey = digest.subarray(0, 16).toString('base64url');
    }
    return this.caseKey;
  }

  private next(): Buffer {
    const draw = this.drawn++;
    return createHash('sha256').update(`${this.seed}\n${this.scope}\n${this.case}\n${draw}`).digest();
  }
}

/** The content source of one check on one column of a run seeded `seed`. */
export function contentSource(seed: number, checkId: string, column: string): ContentSource {
  return new ContentSource(seed, `${checkId}\n${column}`);
}

/** What a wrapped value carries: the property's own value (its shrinker needs it) and the case's path. */
interface Keyed<T> {
  readonly inner: fc.Value<T>;
  readonly path: string;
}

/**
 * The property, each of whose cases draws its content as a case of its own: before a case runs, `content` starts
 * the case at its fast-check path ("run:shrink:shrink…", the path a failure reports). A replay with that path runs
 * the case alone, after no other; keyed by its path, it draws the same names and bytes as it did in the run, where
 * hundreds of cases and shrinks ran before it. `startCase`, when given, runs first (the case's clock, case-clock.ts).
 */
export function withCaseContent<T>(
  property: fc.IAsyncPropertyWithHooks<T>,
  content: ContentSource,
  startCase?: (path: string) => Promise<void>,
): fc.IRawProperty<T, true> {
  // fast-check takes a value from its stream and runs it at once: the last value handed out is the one that runs.
  let next = '';
  let generated = 0;
  const keyed = (inner: fc.Value<T>, path: string): fc.Value<T> => {
    next = path;
    return new fc.Value(inner.value_, { inner, path } satisfies Keyed<T>, () => inner.value);
  };
  return {
    isAsync: () => true,
    // fast-check numbers a run's cases from 0, as the first part of a path does.
    generate: (mrng, runId) => keyed(property.generate(mrng, runId), String(runId ?? generated++)),
    shrink(value) {
      const { inner, path } = value.context as Keyed<T>;
      let index = 0;
      return property.shrink(inner).map((shrunk) => keyed(shrunk, `${path}:${index++}`));
    },
    run(value) {
      content.startCase(next);
      return startCase ? startCase(next).then(() => property.run(value)) : property.run(value);
    },
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  };
}
