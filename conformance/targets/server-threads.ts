/**
 * The threads the reference servers run on (server-thread.ts). Each loads the server's modules first, most of its
 * start's cost (about 0.7 s of CPU, two thirds of it TypeBox's files), then starts the servers it is sent: the
 * servers of one share (an edition's: its session's, its exclusive checks', those its checks start) run on one
 * thread, so a run loads the modules once per share instead of once per server. `mbsc run` starts threads ahead, as
 * it begins, so that they load beside the command's own modules instead of after them; a thread started ahead and
 * never taken ends with the process, holding it open no longer than it waits. A thread ends once its last server
 * has closed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ServerThreadData, ServerThreadMessage, ServerThreadReady, ServerThreadReply } from './server-thread.js';

const ahead: Worker[] = [];
const ended = new WeakSet<Worker>();

/** Starts `count` server threads ahead of the servers that will take them. */
export function startServerThreadsAhead(count: number): void {
  for (let i = 0; i < count; i += 1) {
    const worker = newServerThread();
    worker.unref();
    ahead.push(worker);
  }
}

/** A server running on a thread: where it answers, how to close it, and whether its thread still runs. */
export interface HostedServer extends ServerThreadReady {
  close(): Promise<void>;
  /**
   * Why the server's thread has ended, if it has (an uncaught error in any server on it ends them all): answered
   * once the thread has said it runs, or has ended. A thread that answers now ran all along, so whatever a check saw
   * of its servers before asking was their own doing.
   */
  lost(): Promise<Error | undefined>;
}

/** The thread of a share, with its servers' pending answers. */
interface Host {
  readonly worker: Worker;
  readonly waiting: Map<number, (reply: ServerThreadReply | Error) => void>;
  servers: number;
  /** Why the thread ended, once it has. */
  ended?: Error;
  /** Why the thread counts as lost without having ended: it once did not answer whether it runs in time. */
  stuck?: Error;
}

const hosts = new Map<string, Host>();
let lastId = 0;

/** Starts a server on the thread of `share` (a new one if the share has none running); it answers once up. */
export async function startOnServerThread(share: string, data: ServerThreadData): Promise<HostedServer> {
  const host = hosts.get(share) ?? hostFor(share);
  host.servers += 1;
  const id = (lastId += 1);
  const started = await ask(host, { id, start: data });
  if ('failed' in started || started instanceof Error) {
    await release(share, host);
    throw errorOf(started);
  }
  if (!('ready' in started)) throw new Error(`the reference server thread answered a start with ${String(started)}`);
  let closing: Promise<void> | undefined;
  const close = async () => {
    const closed = await ask(host, { id, close: true });
    await release(share, host);
    // A thread that ended has nothing left to close; a close that failed says why.
    if ('failed' in closed) throw errorOf(closed);
  };
  return { ...started.ready, close: () => (closing ??= close()), lost: () => lostThread(host) };
}

/** A thread that has not answered whether it runs within this long is stuck: as lost to its servers as one ended. */
const ALIVE_WITHIN_MS = 30_000;

async function lostThread(host: Host): Promise<Error | undefined> {
  // Known already: every later cell learns it at once, instead of waiting out the time again.
  const known = host.ended ?? host.stuck;
  if (known) return known;
  const id = (lastId += 1);
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<Error>((resolve) => {
    timer = setTimeout(() => {
      host.waiting.delete(id);
      host.stuck = new Error(
        `the reference server thread did not answer whether it runs within ${ALIVE_WITHIN_MS / 1000} s`,
      );
      resolve(host.stuck);
    }, ALIVE_WITHIN_MS);
  });
  const answer = await Promise.race([ask(host, { id, alive: true }), stuck]);
  clearTimeout(timer);
  return answer instanceof Error ? answer : undefined;
}

/**
 * Ends the thread of `share` as an uncaught error with `message` in one of its servers would, and resolves once it
 * has ended: for the kit's own tests of what a crashed thread's cells read.
 */
export async function crashServerThread(share: string, message: string): Promise<void> {
  const host = hosts.get(share);
  if (!host) throw new Error(`no server thread holds the servers of ${share}`);
  if (host.ended) return;
  await new Promise((resolve) => {
    host.worker.once('exit', resolve);
    host.worker.postMessage({ id: (lastId += 1), crash: message } satisfies ServerThreadMessage);
  });
}

/** The error a thread's answer of failure, or its end, stands for, with the code it had. */
function errorOf(answer: Extract<ServerThreadReply, { failed: unknown }> | Error): Error {
  if (answer instanceof Error) return answer;
  return Object.assign(new Error(answer.failed.message), answer.failed.code ? { code: answer.failed.code } : {});
}

/** How many server threads hold servers now. */
export function serverThreadsRunning(): number {
  return hosts.size;
}

/** Sends `message` to the host's thread and waits for its answer: an Error if the thread ended first. */
function ask(host: Host, message: ServerThreadMessage): Promise<ServerThreadReply | Error> {
  if (host.ended) return Promise.resolve(host.ended);
  return new Promise((resolve) => {
    host.waiting.set(message.id, resolve);
    host.worker.postMessage(message);
  });
}

/** One server fewer on the share's thread: the thread ends with its last. */
async function release(share: string, host: Host): Promise<void> {
  host.servers -= 1;
  if (host.servers > 0) return;
  if (hosts.get(share) === host) hosts.delete(share);
  await host.worker.terminate();
}

function hostFor(share: string): Host {
  let worker = ahead.shift();
  while (worker && ended.has(worker)) worker = ahead.shift();
  worker ??= newServerThread();
  worker.ref();
  const host: Host = { worker, waiting: new Map(), servers: 0 };
  worker.on('message', (reply: ServerThreadReply) => {
    const answer = host.waiting.get(reply.id);
    host.waiting.delete(reply.id);
    answer?.(reply);
  });
  let failure: string | undefined;
  worker.on(
    'error',
    (error) => (failure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  );
  // A thread that ends answers every server still waiting with why: a start fails, a close has nothing left to do, a
  // question whether it runs learns that it does not.
  worker.once('exit', (code) => {
    if (hosts.get(share) === host) hosts.delete(share);
    const why = new Error(
      failure
        ? `the reference server thread crashed (${failure}), ending every server on it`
        : `the reference server thread ended (code ${code})`,
    );
    host.ended = why;
    for (const answer of host.waiting.values()) answer(why);
    host.waiting.clear();
  });
  hosts.set(share, host);
  return host;
}

function newServerThread(): Worker {
  const worker = new Worker(compiledFile('conformance/targets/server-thread.js'));
  // One that fails while it waits ends; the servers that take a thread hear of its end themselves.
  worker.on('error', () => undefined);
  worker.once('exit', () => ended.add(worker));
  return worker;
}

/** A compiled file of the project, by its path under dist/: found from this module in dist/ or in its sources. */
export function compiledFile(underDist: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const inDist = path.resolve(here, '../..', underDist);
  if (existsSync(inDist) && here.includes(`${path.sep}dist${path.sep}`)) return inDist;
  return path.resolve(here, '../../dist', underDist);
}
