/**
 * A function of a key whose answer is made once per key and kept: for the arbitraries a check draws from a
 * protocol route's spec, which does not change, so building them again for every generated case only costs CPU.
 * Arbitraries are values, so drawing from the kept one gives the same cases as drawing from a new one.
 */
export function builtOnce<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    const known = made.get(key);
    if (known !== undefined) return known;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
