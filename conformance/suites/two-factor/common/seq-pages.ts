/**
 * The outbox's pages (PROTOCOL.md): `?after=<seq>` gives what came after that one, oldest first, each `seq` greater
 * than the one before; `last` is the `seq` of the page's last entry, or `after` itself when the page is empty, so
 * that a reader goes on from `last` and sees everything once.
 */
export function seqPageProblem(seqs: readonly number[], after: number, last: number): string | undefined {
  const shown = `[${seqs.join(', ')}]`;
  const early = listedBefore(seqs, after);
  if (early) return early;
  const back = seqs.findIndex((seq, i) => i > 0 && seq <= seqs[i - 1]!);
  if (back > 0) return `the page is not oldest first: seq ${seqs[back]} follows ${seqs[back - 1]} (${shown})`;
  const want = seqs.at(-1) ?? after;
  if (last !== want) return `the page after ${after} (${shown}) says last ${last}, not ${want}`;
  return undefined;
}

/**
 * The part of the rule the push notification service's page has (PROTOCOL.md says only "the push requests sent to
 * this authenticator after `after`"): nothing at or before `after`.
 */
export function listedBefore(seqs: readonly number[], after: number): string | undefined {
  const early = seqs.find((seq) => seq <= after);
  return early === undefined ? undefined : `the page after ${after} lists seq ${early} ([${seqs.join(', ')}])`;
}
