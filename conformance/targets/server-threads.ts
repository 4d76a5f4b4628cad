/**
 * The threads the reference servers run on (server-thread.ts). Each loads the server's modules first, most of its
 * start's cost, then starts the server it is sent. `mbsc run` starts them ahead, as it begins, so that they load
 * beside the command's own modules instead of after them; a thread started ahead and never taken ends with the
 * process, holding it open no longer than it waits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ahead: Worker[] = [];
const ended = new WeakSet<Worker>();

/** Starts `count` server threads ahead of the sessions that will take them. */
export function startServerThreadsAhead(count: number): void {
  for (let i = 0; i < count; i += 1) {
    const worker = newServerThread();
    worker.unref();
    ahead.push(worker);
  }
}

/** A thread for one reference server: one started ahead if any is still alive, else a new one. */
export function serverThread(): Worker {
  let worker = ahead.shift();
  while (worker && ended.has(worker)) worker = ahead.shift();
  const taken = worker ?? newServerThread();
  taken.ref();
  return taken;
}

function newServerThread(): Worker {
  const worker = new Worker(compiledFile('conformance/targets/server-thread.js'));
  // One that fails while it waits ends; the session that takes a thread listens for its errors itself.
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
