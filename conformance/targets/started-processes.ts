/**
 * Every server process the kit starts (the self-test's variants, a vendor's own servers for the port checks): started
 * with no shell, in a process group of its own so that a wrapper (`npx …`, a script) goes with what it started, and
 * stopped by the kit whatever happens: by its owner, or all at once when the kit exits or is interrupted. A data
 * directory the kit made for it goes with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface StartedProcess {
  readonly pid: number | undefined;
  /** Resolves with the exit code (null when a signal ended it) once the process has ended and its output is read. */
  readonly exited: Promise<number | null>;
  /** Set when it failed to start at all (a program not found): its error, as the last line of the tail. */
  readonly spawnError: () => Error | undefined;
  /** The last lines it wrote, stdout and stderr together, for a message that says why it stopped. */
  tail(): string[];
  /** Called with each line it writes. */
  onLine(listener: (line: string) => void): void;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has ended and its data directory is gone. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would end it; its data directory stays. Resolves once it has ended. */
  kill(): Promise<void>;
}

/** What a started process wrote last, for a message that says why it stopped: `; it wrote:` and its lines. */
export function whatItWrote(child: Pick<StartedProcess, 'tail'>, ifNothing = ''): string {
  const tail = child.tail();
  return tail.length > 0 ? `; it wrote:\n  ${tail.join('\n  ')}` : ifNothing;
}

export interface StartOptions {
  /** A directory the kit made for this process: removed once it has ended. */
  readonly dataDir?: string;
  /** Lines kept for tail(); default 10. */
  readonly tailLines?: number;
}

const STOP_GRACE_MS = 5_000;
const running = new Map<ChildProcess, () => void>();

/** The whole group the process leads, by its id; a group already gone is no error. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: every process of the group has ended.
  }
}

/** Kills every process still running and removes their data directories, at once (it may run as the kit exits). */
export function killAllStarted(): void {
  for (const [child, removeData] of running) {
    signalGroup(child, 'SIGKILL');
    removeData();
  }
  running.clear();
}

process.once('exit', killAllStarted);

/**
 * An interrupt ends node without its 'exit' handlers, and the children, in groups of their own, would not hear the
 * terminal's Ctrl+C: while any runs, the kit stops them first (this listener goes before any other), then ends as the
 * signal would have ended it, unless a command of the kit waits for the signal itself (the self-test does).
 */
function onSignal(signal: NodeJS.Signals): void {
  killAllStarted();
  const othersListen = process.listenerCount(signal) > 1;
  watchSignals(false);
  if (!othersListen) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
}
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
/**
 * Adds the listener once and leaves it in place while it is wanted. Removing and adding it again would drop a signal
 * that arrived in between: node stops listening for a signal the moment its last listener goes, and a signal already
 * caught for the listener that went is then never delivered.
 */
function watchSignals(on: boolean): void {
  for (const signal of SIGNALS) {
    const listening = process.listeners(signal).includes(onSignal);
    if (on && !listening) process.prependListener(signal, onSignal);
    if (!on && listening) process.removeListener(signal, onSignal);
  }
}

export function startProcess(argv: readonly string[], options: StartOptions = {}): StartedProcess {
  const [program, ...args] = argv;
  if (program === undefined) throw new Error('no command to start');
  const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const removeData = () => {
    if (options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  };
  running.set(child, removeData);
  watchSignals(true);
  const keep = options.tailLines ?? 10;
  const lines: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let spawnError: Error | undefined;
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      if (lines.length > keep) lines.shift();
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      spawnError = error;
      lines.push(error.message);
      resolve(null);
    });
    // 'close', not 'exit': by then everything it wrote has been read, so the tail holds its last words.
    child.once('close', (code) => resolve(code));
  });
  void exited.then(() => {
    running.delete(child);
    if (running.size === 0) watchSignals(false);
  });
  return {
    pid: child.pid,
    exited,
    spawnError: () => spawnError,
    tail: () => [...lines],
    onLine: (listener) => void listeners.push(listener),
    async kill() {
      signalGroup(child, 'SIGKILL');
      await exited;
    },
    async stop() {
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      // A wrapper may end before what it started: the rest of its group goes too.
      signalGroup(child, 'SIGKILL');
      removeData();
    },
  };
}
