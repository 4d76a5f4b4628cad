/**
 * Where the runner's reference servers keep their data: memory-backed /dev/shm when the machine has it. The suites
 * test the protocol, not the disk; the reference server's durability has tests of its own on a real disk. Every
 * server of a reference target shares one thread, and SQLite commits on it synchronously: on a real disk one
 * server's fsyncs would hold up the requests of all the others.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';

export function scratchRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}
