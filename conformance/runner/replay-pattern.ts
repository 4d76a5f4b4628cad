/**
 * The form of a `--replay` value, in a module of its own: the command line checks it before any schema library is
 * loaded (`mbsc run --help` and its usage errors load nothing heavy), and the run configuration's schema uses it too.
 * fast-check's path, `~` the command list's, `@` where the case began on a frozen clock (kit/case-clock.ts).
 */
export const REPLAY_PATTERN = '^[^@]+(@[1-9][0-9]{0,14})?$';
