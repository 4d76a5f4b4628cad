/**
 * Shortens a long text by cutting its middle, never its end, and says how much went: a failure message states the
 * actual value and then the expected one ("got …, expected …"), so cutting the end would drop the very value a
 * reader needs. Both ends of a long value stay readable.
 */
export function trimMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (cut: number) => ` …[${cut} characters cut]… `;
  // The note's own length counts against the budget; the one for the largest cut is the longest.
  const room = Math.max(2, max - note(text.length).length);
  const head = Math.ceil(room / 2);
  const tail = room - head;
  const cut = text.length - head - tail;
  return `${text.slice(0, head)}${note(cut)}${text.slice(text.length - tail)}`;
}
