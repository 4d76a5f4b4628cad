/** The live console's output: the process's stderr as it is, or, for a command run in process, err() line by line. */
import type { CommandIo } from '../command.js';
import type { ConsoleSink } from './console-reporter.js';

export function consoleSinkOf(io: CommandIo, now: () => number = Date.now): ConsoleSink {
  if (io.errStream) {
    const { write, isTerminal, columns } = io.errStream;
    return { write, terminal: isTerminal, ...(columns ? { columns } : {}), now };
  }
  let pending = '';
  return {
    terminal: false,
    now,
    write(text) {
      const parts = (pending + text).split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) io.err(line);
    },
  };
}
