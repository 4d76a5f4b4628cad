/**
 * Turns for checks that hold a machine-wide resource (a port of an edition's range, a loopback address): the runs
 * of one process take them one at a time, whatever else runs beside them.
 */
export function turns(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const turn = last.then(work, work);
    last = turn.catch(() => undefined);
    return turn;
  };
}
