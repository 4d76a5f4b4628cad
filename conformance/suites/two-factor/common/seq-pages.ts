/**
 * The pages the push notification service and the outbox answer (PROTOCOL.md): `?after=<seq>` gives what came after
 * that one, oldest first, each `seq` greater than the one before; `last` is the `seq` of the page's last entry, or
 * `after` itself when the page is empty, so that a reader goes on from `last` and sees everything once.
 */
export function seqPageProblem(seqs: readonly number[], after: number, last: number): string | undefined {
  const shown = `[${seqs.join(', ')}]`;
  const early = seqs.find((seq) => seq <= after);
  if (early !== undefined) return `the page after ${after} lists seq ${early} (${shown})`;
  const back = seqs.findIndex((seq, i) => i > 0 && seq <= seqs[i - 1]!);
  if (back > 0) return `the page is not oldest first: seq ${seqs[back]} follows ${seqs[back - 1]} (${shown})`;
  const want = seqs.at(-1) ?? after;
  if (last !== want) return `the page after ${after} (${shown}) says last ${last}, not ${want}`;
  return undefined;
}
