/**
 * The options of a server under validation that runs on this machine: its data directory (`--data-dir`, which the
 * storage-layout checks read) and the command that starts another server like it (`--own-server`, for the port
 * checks). Both are checked before anything starts, so a wrong path or template never costs a run.
 */
import { statSync } from 'node:fs';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import { CommandTemplateError, parseCommandTemplate } from '../../conformance/targets/command-template.js';
import type { OwnServerCommand } from '../../conformance/targets/own-server-process.js';
import { UsageError } from '../command.js';

export interface LocalServerParts {
  readonly dataDir?: string;
  readonly ownServer?: OwnServerCommand;
}

/** The parts the options give, checked; a usage error names the option and what is wrong with it. */
export function localServerParts(config: RunConfig): LocalServerParts {
  const given = [
    ...(config.dataDir !== undefined ? ['--data-dir'] : []),
    ...(config.ownServer !== undefined ? ['--own-server'] : []),
    ...(config.ownServerConsoleKey !== undefined ? ['--own-server-console-key'] : []),
  ];
  if (given.length > 0 && !config.server) {
    usage(`${given.join(', ')}: parts of a running server on this machine; give it with --server.`);
  }
  if (config.ownServerConsoleKey !== undefined && config.ownServer === undefined) {
    usage('--own-server-console-key is the key of the servers --own-server starts: give that command too.');
  }
  return {
    ...(config.dataDir !== undefined ? { dataDir: checkedDataDir(config.dataDir) } : {}),
    ...(config.ownServer !== undefined
      ? { ownServer: ownServerCommand(config.ownServer, config.ownServerConsoleKey) }
      : {}),
  };
}

function checkedDataDir(dir: string): string {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) usage(`--data-dir ${dir}: no such directory; give the data directory of the server under test.`);
  if (!stat.isDirectory())
    usage(`--data-dir ${dir}: not a directory; give the data directory of the server under test.`);
  return dir;
}

function ownServerCommand(text: string, consoleKey: string | undefined): OwnServerCommand {
  let template;
  try {
    template = parseCommandTemplate(text);
  } catch (error) {
    if (error instanceof CommandTemplateError) usage(`--own-server '${text}': ${error.message}.`);
    throw error;
  }
  if (!template.uses.has('consoleKey') && consoleKey === undefined) {
    usage(
      `--own-server '${text}': the checks need the console key of the servers it starts: put {consoleKey} in the ` +
        'command (the kit makes one for each start), or give it with --own-server-console-key KEY.',
    );
  }
  return { template, ...(consoleKey !== undefined ? { consoleKey } : {}) };
}

function usage(message: string): never {
  throw new UsageError(message);
}
