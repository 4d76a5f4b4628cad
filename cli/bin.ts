#!/usr/bin/env node
/** Entry point of the `mbsc` command: wires the process to main(). */
import type { CommandIo } from './command.js';
import { main } from './main.js';

// Registered only by commands that wait for a signal, so Ctrl+C still ends every other command at once. `on`, not
// `once`: a library's exit hook that finds itself the last listener of a signal raises it again, which would end the
// process by the signal before the command has stopped what it started.
const waitForStop = () =>
  new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => resolve(signal));
  });

// A reader that stops early (`mbsc requirements | head`) closes the pipe: the command has nothing more to say.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io: CommandIo = {
  out: (line = '') => process.stdout.write(`${line}\n`),
  err: (line = '') => process.stderr.write(`${line}\n`),
  waitForStop,
  errStream: {
    write: (text) => process.stderr.write(text),
    isTerminal: process.stderr.isTTY === true,
    ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
  },
};

process.exitCode = await main(process.argv.slice(2), io);
// Let stdout drain and the loop end by itself; a handle some library leaves open must not hold the command forever.
setTimeout(() => process.exit(), 2000).unref();
