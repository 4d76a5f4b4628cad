/**
 * A tally of the requests the process sends, by method and route shape, printed on stderr when it exits: set
 * MBSC_REQUEST_TALLY=1 to see what a selection of checks asks of a server (where a run's requests go). It counts
 * what the protocol client sends and what the checks write by hand (conformance/kit/raw-http.ts), once per request
 * written. Off, it costs one comparison per request.
 */
const tally = process.env.MBSC_REQUEST_TALLY === '1' ? new Map<string, number>() : undefined;

if (tally) {
  process.on('exit', () => {
    const rows = [...tally].sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((n, [, c]) => n + c, 0);
    process.stderr.write(`requests: ${total}\n${rows.map(([k, c]) => `${String(c).padStart(8)} ${k}`).join('\n')}\n`);
  });
}

/** Counts a request under its shape (requestShape). */
export function tallyRequest(method: string, path: string): void {
  if (!tally) return;
  const key = requestShape(method, path);
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/** The counts so far by shape, or undefined when the tally is off. */
export function requestTally(): ReadonlyMap<string, number> | undefined {
  return tally && new Map(tally);
}

/** The shape of a request written without a method or a path, which no route shape describes. */
export const UNPARSED_SHAPE = 'RAW (unparsed)';

/** A request's method and path with its ids and query left out: `GET /v1/items/:id/content`. */
export function requestShape(method: string, path: string): string {
  if (method === '' || path === '') return UNPARSED_SHAPE;
  const segments = path.split('?')[0]!.split('/');
  const shape = segments.map((s) => (s.length >= 12 || (/\d/.test(s) && !/^v\d+$/.test(s)) ? ':id' : s));
  return `${method} ${shape.join('/')}`;
}
