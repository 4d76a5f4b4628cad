/** Where a started `mbsc serve` process listens, as it prints it: its URL, UDP port and console key. */
import { ClientError } from '../spec/errors.js';
import type { StartedProcess } from './started-processes.js';

/** The URL, UDP port and console key `mbsc serve` prints before its pairing QR code. */
export async function whereItListens(child: StartedProcess, timeoutMs: number) {
  const seen: { url?: string; udpPort?: number; consoleKey?: string } = {};
  child.onLine((line) => {
    seen.url ??= /^\s*URL\s+(http\S+)/.exec(line)?.[1];
    const udp = /UDP port (\d+)/.exec(line)?.[1];
    if (udp) seen.udpPort ??= Number(udp);
    seen.consoleKey ??= /Console key (\S+)/.exec(line)?.[1];
  });
  const { exited } = child;
  let exitCode: number | null = null;
  void exited.then((code) => (exitCode = code));
  const failed = (why: string) => {
    const tail = child.tail();
    const said = tail.length ? `:\n  ${tail.join('\n  ')}` : '';
    return new ClientError('server-start-failed', `mbsc serve ${why}${said}`, { exitCode });
  };
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (seen.url && seen.udpPort !== undefined && seen.consoleKey) resolve(clearInterval(poll));
    }, 50);
    void exited.then(() => clearInterval(poll));
  });
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then((code) => `exited with code ${code} before it was ready`),
    new Promise<string>((resolve) => (timer = setTimeout(resolve, timeoutMs, `was not ready within ${timeoutMs} ms`))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') throw failed(outcome);
  return { url: seen.url as string, udpPort: seen.udpPort as number, consoleKey: seen.consoleKey as string };
}

/**
 * The loopback URLs a line names (`http://127.0.0.1:50000`, `http://localhost:50000/`, `http://0.0.0.0:50000`), each as
 * the kit reaches it: where a started server of any make may say it listens.
 */
export function loopbackUrlsIn(line: string): string[] {
  const urls = line.matchAll(/http:\/\/(?:127\.0\.0\.1|localhost|0\.0\.0\.0):(\d{1,5})(?!\d)/g);
  return [...urls].map((m) => `http://127.0.0.1:${m[1]}`);
}
