/**
 * The server's transactions run through one wrapper per database, which offers only the default (BEGIN) variant:
 * the type says so (tsc checks the expected error below), and at run time the variants are not there to call.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../reference-server/store/database.js';
import { tempDir } from '../../helpers/test-server.js';

describe('a server database transaction', () => {
  it('runs its body in one transaction and offers no other variant', () => {
    const dir = tempDir('mbs-transaction-variants-');
    const db = openDatabase(path.join(dir, 'mbs.sqlite'));
    try {
      const inside = db.transaction((n: number) => (db.inTransaction ? n + 1 : -1));
      expect(inside(1)).toBe(2);
      // @ts-expect-error the server's transactions have no immediate, deferred or exclusive variant
      expect(inside.immediate).toBeUndefined();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
