/** Runs any command to completion as a user's shell would, for tests of what a user installs and types. */
import { spawn } from 'node:child_process';
import type { CliResult } from './cli-process.js';

export interface CommandOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Added to (or, when undefined, removed from) the environment. */
  readonly env?: Record<string, string | undefined>;
  /** Run through `sh -c` (a documented command line) instead of as a program and arguments. */
  readonly shell?: boolean;
}

/** The environment without npm's `npm_*` variables, as a fresh shell has it, plus `extra`. */
export function userEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('npm_')) env[key] = value;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export function runCommand(command: string, args: readonly string[], options: CommandOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      shell: options.shell ?? false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: userEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
