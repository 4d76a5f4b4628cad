/**
 * A full disk, as the server meets it: a write the operating system refused with ENOSPC (or EDQUOT), SQLite's
 * SQLITE_FULL (its own writes refused, or the database at its page limit), or the disk quota's refusal, which takes
 * the shape of ENOSPC. Every one of them is answered with the catalogue's `server-disk-full`, told apart by code.
 */
const FULL_CODES: readonly string[] = ['ENOSPC', 'EDQUOT', 'SQLITE_FULL'];

export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && FULL_CODES.includes(code);
}

/** The error a full disk gives a write: what the quota throws in its place. */
export function diskFullError(why: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device (${why})`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}
