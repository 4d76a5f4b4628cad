/**
 * Why no check covers a requirement yet: each catalogued statement the suites do not reach, with what stands in the
 * way. The report shows the reason beside the "untested" verdict; a test keeps this list and the suites apart (an
 * id listed here that a check covers is a stale entry).
 */
export const NOT_COVERED: Readonly<Record<string, string>> = {};
