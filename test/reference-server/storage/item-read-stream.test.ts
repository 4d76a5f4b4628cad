/**
 * The stream of an item's stored bytes: from `start` up to the size its record holds (not what else the file may
 * have), an empty remainder read as nothing, and its descriptor closed once it ends or fails half-way. The same on
 * the disk and on a file system kept in memory (/dev/shm), where a small remainder is read on the event loop.
 */
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { itemReadStream } from '../../../reference-server/storage/item-read-stream.js';
import { tempDir } from '../../helpers/test-server.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const roots = [
  { name: 'on the disk', dir: () => tempDir('mbs-item-stream-') },
  { name: 'in memory', dir: () => mkdtempSync('/dev/shm/mbs-item-stream-'), skip: !existsSync('/dev/shm') },
];

function storedFile(bytes: Buffer, root: (typeof roots)[number]): string {
  const dir = root.dir();
  dirs.push(dir);
  const file = path.join(dir, '00000001.jpg');
  writeFileSync(file, bytes);
  return file;
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (!stream.closed) await once(stream, 'close');
  return Buffer.concat(chunks);
}

describe.each(roots)('itemReadStream $name', (root) => {
  if (root.skip) it.skip('needs /dev/shm', () => undefined);
  if (root.skip) return;
  const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => i % 251));

  it('reads from start up to the recorded size and closes its descriptor', async () => {
    const file = storedFile(bytes, root);
    const before = openDescriptors();
    expect(await readAll(itemReadStream(file, 0, bytes.length))).toEqual(bytes);
    expect(await readAll(itemReadStream(file, 70_000, bytes.length))).toEqual(bytes.subarray(70_000));
    // A file longer than its record (bytes past the item's size) is read only up to the size.
    expect(await readAll(itemReadStream(file, 10, 4096))).toEqual(bytes.subarray(10, 4096));
    // A file shorter than its record gives what it has.
    expect(await readAll(itemReadStream(file, 99_000, 100_500))).toEqual(bytes.subarray(99_000));
    expect(openDescriptors()).toBe(before);
  });

  it('reads an empty remainder as nothing', async () => {
    const file = storedFile(Buffer.alloc(0), root);
    expect((await readAll(itemReadStream(file, 0, 0))).length).toBe(0);
  });

  it('fails on a missing file, and closes its descriptor when destroyed half-way', async () => {
    const file = storedFile(bytes, root);
    await expect(readAll(itemReadStream(`${file}.gone`, 0, 10))).rejects.toMatchObject({ code: 'ENOENT' });
    const before = openDescriptors();
    const stream = itemReadStream(file, 0, bytes.length);
    await once(stream, 'data');
    stream.destroy();
    await once(stream, 'close');
    expect(openDescriptors()).toBe(before);
  });
});
