/** Runs the built `mbsc` command as a child process, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MBSC_BIN = path.join(REPO_ROOT, 'dist/cli/bin.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `mbsc ...args` to completion (bounded by `timeoutMs`); `env` adds to or unsets (undefined) variables. */
export function runCli(
  args: readonly string[],
  timeoutMs = 30_000,
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MBSC_BIN, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly consoleKey: string;
  readonly tcpPort: number;
  readonly udpPort: number;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

/** Starts `mbsc serve ...args` and resolves once it has printed its ports, URL and console key. */
export function spawnServe(args: readonly string[], timeoutMs = 20_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [MBSC_BIN, 'serve', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mbsc serve did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const ports = /TCP port (\d+), UDP port (\d+)/.exec(out);
      const url = /URL\s+(http:\/\/\S+)/.exec(out);
      const key = /Console key (\S+)/.exec(out);
      if (ports && url?.[1] && key?.[1] && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({
          child,
          url: url[1],
          consoleKey: key[1],
          tcpPort: Number(ports[1]),
          udpPort: Number(ports[2]),
          output: () => out,
          exited,
        });
      }
    };
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      check();
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`mbsc serve exited with ${code} before it started:\n${out}`));
    });
  });
}
