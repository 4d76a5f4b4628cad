/**
 * A summary with what may differ between two runs of one seed and one commit taken out: when the run started, how
 * long each part took, and the ports the operating system gave the servers it started (they show in exchanges of
 * a counterexample: a pairing payload, a `tcpPort`). Two runs are the same run when these texts are equal; the
 * determinism test and `npm run bench:determinism` both compare with it.
 */

/** Fields that only say when or how long. */
const TIMING_FIELDS = new Set(['startedAt', 'durationMs', 'generatedAt']);

/** A port in an exchange's text: `"tcpPort":N`, `tcp=N` in a payload, or `127.0.0.1:N` in a URL. */
const PORT_PATTERNS = [/("(?:tcp|udp)Port"\s*:\s*)\d+/g, /([?&](?:tcp|udp)=)\d+/g, /(127\.0\.0\.1:)\d+/g];

function withoutPorts(text: string): string {
  return PORT_PATTERNS.reduce((shown, pattern) => shown.replace(pattern, '$1<port>'), text);
}

function comparable(value: unknown): unknown {
  if (typeof value === 'string') return withoutPorts(value);
  if (Array.isArray(value)) return value.map(comparable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !TIMING_FIELDS.has(key))
      .map(([key, inner]) => [key, comparable(inner)]),
  );
}

/** The summary (its JSON text, as written) as text to compare with another run's. */
export function comparableSummary(summaryJson: string): string {
  return JSON.stringify(comparable(JSON.parse(summaryJson)), null, 1);
}

/** The first line where two comparable summaries differ, for a message; undefined when they are the same. */
export function firstDifference(a: string, b: string): string | undefined {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return `line ${i + 1}: ${left[i] ?? '(end)'} ≠ ${right[i] ?? '(end)'}`;
  }
  return undefined;
}
