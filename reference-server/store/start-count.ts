/**
 * How many times a server started on a database before this start, counted in the database itself (its meta
 * table). A server on the frozen conformance clock seeds its randomness with it: started again on its data, it must
 * not draw the ids and tokens its earlier start drew, which its data already holds.
 */
import { openDatabase } from './database.js';

const KEY = 'starts';

export function earlierStarts(file: string): number {
  const db = openDatabase(file);
  try {
    const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
    const earlier = row && /^\d+$/.test(row.value) ? Number(row.value) : 0;
    try {
      db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(KEY, String(earlier + 1));
    } catch (error) {
      // A full disk refuses the count; the server still starts (it serves reads, and writes once there is room).
      if ((error as { code?: unknown }).code !== 'SQLITE_FULL') throw error;
    }
    return earlier;
  } finally {
    db.close();
  }
}
