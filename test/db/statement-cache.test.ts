// SQLite connections reuse their prepared statements (src/db/statement-cache.ts): a statement
// run again with other parameters answers for those, also after it was dropped and prepared again.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reusePreparedStatements } from '../../src/db/statement-cache.ts';

describe('prepared statements kept by a SQLite connection', () => {
  it('answers each use with its own parameters, as the Prisma adapter binds them', () => {
    const connection = new Database(':memory:');
    reusePreparedStatements(connection);
    connection.prepare('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)').run();
    for (const [id, name] of [[1, 'Ana'], [2, 'Bo']] as const) connection.prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([id, name]).run();
    const find = (id: number) => connection.prepare('SELECT name FROM t WHERE id = ?').bind([id]).raw().all();
    expect(find(1)).toEqual([['Ana']]);
    expect(find(2)).toEqual([['Bo']]);
    expect(find(3)).toEqual([]);
    // Many other statements later (each IN list length is a statement of its own), the first ones still answer.
    for (let n = 1; n <= 400; n++) {
      const ids = Array.from({ length: n }, (_, i) => i);
      connection.prepare(`SELECT count(*) FROM t WHERE id IN (${ids.map(() => '?').join(',')})`).bind(ids).raw().all();
    }
    expect(find(2)).toEqual([['Bo']]);
    expect(connection.prepare('UPDATE t SET name = ? WHERE id = ?').bind(['Bea', 2]).run().changes).toBe(1);
    expect(find(2)).toEqual([['Bea']]);
    connection.close();
  });
});
