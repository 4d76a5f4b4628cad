/**
 * A benchmark's command line: its flags read strictly, `--help` answered with its usage, and a flag it does not take
 * (or a missing value) refused with the usage and exit code 2 before anything is measured, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags of `argv` per `options`, or the process ends: usage on --help (exit 0), a usage error otherwise (2). */
export function benchArgs<const T extends Options>(
  usage: string,
  options: T,
  argv: readonly string[] = process.argv.slice(2),
): ReturnType<typeof parseArgs<{ options: T; args: string[] }>>['values'] {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ options, args: [...argv] }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
}

/** For a benchmark that passes its flags on or reads them itself: answers --help with its usage (exit 0). */
export function answerHelp(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
