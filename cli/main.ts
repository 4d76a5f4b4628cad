/** The `mbsc` command: a thin layer over the kit. */
import { ClientError } from '../conformance/spec/errors.js';
import { didYouMean } from '../conformance/spec/nearest-name.js';
import { EXIT, helpOf, parseOptions, UsageError, type Command, type CommandIo } from './command.js';
import { kitVersion } from './kit-version.js';
import { demoCommand } from './commands/demo.js';
import { discoverCommand } from './commands/discover.js';
import { loadCommand } from './commands/load.js';
import { mergeCommand, splitOperands } from './commands/merge.js';
import { outboxCommand } from './commands/outbox.js';
import { requirementsCommand } from './commands/requirements.js';
import { runCommandOf } from './commands/run.js';
import { selftestCommand } from './commands/selftest.js';
import { serveCommand } from './commands/serve.js';

const COMMANDS: Record<string, Command> = {
  run: runCommandOf('run'),
  validate: runCommandOf('validate'),
  serve: serveCommand,
  discover: discoverCommand,
  requirements: requirementsCommand,
  outbox: outboxCommand,
  demo: demoCommand,
  merge: mergeCommand,
  selftest: selftestCommand,
  load: loadCommand,
} as Record<string, Command>;

function topHelp(): string {
  const lines = ['Usage: mbsc <command> [options]', '', 'Commands:'];
  for (const [name, command] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(14)} ${command.summary}`);
  lines.push('', 'Run "mbsc <command> --help" for its options, "mbsc --version" for the kit\'s version.');
  return lines.join('\n');
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`mbsc ${kitVersion()}`);
    return EXIT.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(topHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`mbsc: unknown command "${name}".${didYouMean(name, Object.keys(COMMANDS))}`);
    io.err('Run "mbsc --help" for the list.');
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpOf(name, command));
    return EXIT.ok;
  }
  try {
    if (name === 'merge') {
      // merge alone takes operands (its shard folders); they ride along beside the parsed options.
      const { options, operands } = splitOperands(command, rest);
      return await command.run(Object.assign(parseOptions(command, options), { _dirs: operands }), io);
    }
    return await command.run(parseOptions(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`mbsc ${name}: ${(error as Error).message}`);
      io.err(`Run "mbsc ${name} --help" for its options.`);
      return EXIT.usage;
    }
    io.err(`mbsc ${name}: ${(error as Error).message}`);
    // A server that does not answer is the documented exit 3 of every command that talks to one.
    if (error instanceof ClientError && (error.code === 'unreachable' || error.code === 'timeout')) {
      return EXIT.unavailable;
    }
    return EXIT.failed;
  }
}
