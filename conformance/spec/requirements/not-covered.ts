/**
 * Why no check covers a requirement yet: each catalogued statement the suites do not reach, with what stands in the
 * way. The report shows the reason beside the "untested" verdict; a test keeps this list and the suites apart (an
 * id listed here that a check covers is a stale entry).
 */
export const NOT_COVERED: Readonly<Record<string, string>> = {
  'STO-10':
    'the kit sees the destination as a folder only (the protocol and the data directory); which kind of drive holds it belongs to the machine and cannot be observed from outside',
};
