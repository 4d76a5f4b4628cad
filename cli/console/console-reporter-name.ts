/** The console reporters of `mbsc run` and `mbsc validate` (`--reporter`), named apart so help loads nothing else. */
export const CONSOLE_REPORTERS = ['line', 'list', 'dot', 'json'] as const;
export type ConsoleReporterName = (typeof CONSOLE_REPORTERS)[number];
