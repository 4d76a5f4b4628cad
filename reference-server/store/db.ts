import type Database from 'better-sqlite3';

/**
 * The server's database: better-sqlite3's, with one transaction wrapper (shareTransactionWrapper in database.ts),
 * which offers only the default variant; the type says so, so that a call to `.immediate` or `.deferred` does not
 * compile.
 */
export type Db = Omit<Database.Database, 'transaction'> & {
  transaction<F extends (...args: never[]) => unknown>(body: F): (...args: Parameters<F>) => ReturnType<F>;
};
