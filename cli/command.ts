/** A CLI command: its options as data (so parsing, help and "did you mean" come from one place) and its action. */
import { parseArgs } from 'node:util';
import type { ClientErrorCode } from '../conformance/spec/errors.js';
import { didYouMean } from '../conformance/spec/nearest-name.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly placeholder?: string;
  readonly default?: string;
  /** Allowed values of a string option. */
  readonly choices?: readonly string[];
}

export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  readonly summary: string;
  readonly options: O;
  /** A method, so a command of any options fits a list of commands. */
  run(values: ParsedOptions<O>, io: CommandIo): Promise<number>;
}

/** What a command does with its parsed options; answers the exit code. */
export type CommandAction<O extends Record<string, OptionSpec>> = (
  values: ParsedOptions<O>,
  io: CommandIo,
) => Promise<number>;

export type ParsedOptions<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { default: string }
      ? string
      : string | undefined;
};

export interface CommandIo {
  out(line?: string): void;
  err(line?: string): void;
  /** Resolves with the signal's name when the process is asked to stop (SIGINT/SIGTERM). */
  waitForStop(): Promise<string>;
  /** Where err() goes, for a live display that redraws a line on a terminal; absent, err() lines are all it gets. */
  readonly errStream?: { write(text: string): void; readonly isTerminal: boolean; readonly columns?: number };
}

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  /** A MUST requirement failed (or a command's own work failed). */
  failed: 1,
  usage: 2,
  /** The target (or a port) could not be reached. */
  unavailable: 3,
  /** The target answered something the protocol does not allow. */
  protocol: 4,
  config: 5,
  requirement: 6,
  devices: 7,
  baseline: 8,
  /** `mbsc merge`: the results are not shards of one run, or a summary.json is missing or invalid. */
  mergeRefused: 9,
  /** `mbsc merge`: a shard is missing or tested nothing; its requirements are reported untested. */
  mergeIncomplete: 10,
} as const;

/** A command line the command refuses; `code`, when given, is the catalogue's (conformance/spec/errors.ts). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code?: ClientErrorCode,
  ) {
    super(code ? `${message} (${code})` : message);
  }
}

export function defineCommand<O extends Record<string, OptionSpec>>(command: Command<O>): Command<O> {
  return command;
}

/**
 * The action of a command, imported only when the command runs: `mbsc --help`, a command's help and its usage errors
 * read the light declaration (summary and options) and never load the suites, the server or the reports.
 */
export function lazyAction<O extends Record<string, OptionSpec>>(
  load: () => Promise<CommandAction<O>>,
): CommandAction<O> {
  return async (values, io) => (await load())(values, io);
}

export function parseOptions<O extends Record<string, OptionSpec>>(
  command: Command<O>,
  argv: string[],
): ParsedOptions<O> {
  const known = Object.keys(command.options);
  const args = joinDashedValues(command.options, argv);
  for (const arg of args) {
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name && name !== 'help' && !known.includes(name)) {
      throw new UsageError(`Unknown option --${name}.${didYouMean(name, known).replace(/"([^"]+)"/, '"--$1"')}`);
    }
  }
  missingValue(command.options, args);
  const { values, positionals } = parseArgs({
    args,
    options: Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])),
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}.`);
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    const value =
      (values as Record<string, unknown>)[name] ?? spec.default ?? (spec.type === 'boolean' ? false : undefined);
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(
        `--${name} must be one of ${spec.choices.join(', ')}, not "${value}".${didYouMean(value, spec.choices)}`,
      );
    }
    out[name] = value;
  }
  return out as ParsedOptions<O>;
}

/** A string option given last, or followed by another of the command's options, is missing its value. */
function missingValue(options: Record<string, OptionSpec>, args: readonly string[]): void {
  args.forEach((arg, i) => {
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const spec = name === undefined ? undefined : options[name];
    if (spec?.type !== 'string') return;
    const next = args[i + 1];
    if (next === undefined || (next.startsWith('--') && (next.slice(2).split('=')[0] ?? '') in options)) {
      const shape = spec.choices ? `one of ${spec.choices.join(', ')}` : (spec.placeholder ?? 'VALUE');
      throw new UsageError(`--${name} needs a value: --${name} ${shape}.`);
    }
  });
}

/**
 * A string option takes the next word as its value even when that word starts with a dash (a console key such as
 * "-x3Q...", a negative seed), as getopt does; node's parseArgs would call it ambiguous. The word is kept apart only
 * when it is one of the command's own options, so a forgotten value still reads as a usage error.
 */
function joinDashedValues(options: Record<string, OptionSpec>, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = /^--([^=]+)$/.exec(arg)?.[1];
    const isOption = (word: string) => word.startsWith('--') && (word.slice(2).split('=')[0] ?? '') in options;
    if (name && options[name]?.type === 'string' && next?.startsWith('-') && !isOption(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function helpOf(name: string, command: Command): string {
  const lines = [`Usage: mbsc ${name} [options]`, '', command.summary, '', 'Options:'];
  for (const [option, spec] of Object.entries(command.options)) {
    const flag = spec.type === 'boolean' ? `--${option}` : `--${option} ${spec.placeholder ?? 'VALUE'}`;
    const extra = [
      spec.choices ? `one of ${spec.choices.join(', ')}` : '',
      spec.default ? `default ${spec.default}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`  ${flag.padEnd(28)} ${spec.description}${extra ? ` (${extra})` : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(28)} Show this help.`);
  return lines.join('\n');
}

/** Parses a port or count option; a UsageError names the option when it is not a whole number in range. */
export function integerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return Number(value);
}

/** Whether `text` is an http(s) URL: `localhost:8080` parses as a URL of scheme "localhost:", and is not one. */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An option that takes an http(s) URL, normalised; anything else is a usage error naming the option. */
export function httpUrlOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isHttpUrl(value)) throw new UsageError(`--${name} must be an http:// or https:// URL, not "${value}".`);
  return new URL(value).href;
}

/** `--seed N`: a whole number in 32 bits, or a usage error naming it. */
export function seedOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d{1,10}$/.test(value)) throw new UsageError(`--seed must be an integer, not "${value}".`);
  return Number(value);
}

/** A seed for a run that was given none; the run prints it so the run can be replayed. */
export function randomSeed(): number {
  return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}
