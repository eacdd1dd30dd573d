import type Database from 'better-sqlite3';

/** How many distinct statements a connection keeps prepared (Prisma writes `IN (?,?,…)` lists out, one statement per length). */
const KEPT = 300;

/**
 * Prisma's better-sqlite3 adapter prepares every statement anew, and SQLite parses and plans it
 * each time (about a tenth of Relais's CPU in a storm of reactions). Here the connection keeps
 * the statements it prepared last and hands them out again. The adapter gives each its
 * parameters with `bind`, which better-sqlite3 allows once per statement: each use gets a view of
 * the kept statement that passes them on every call instead.
 */
export function reusePreparedStatements(connection: Database.Database): void {
  const prepare = connection.prepare.bind(connection);
  const kept = new Map<string, Database.Statement>();
  connection.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    // Taken out and put back: the map's order is the order of last use, the least recently used first.
    if (statement) kept.delete(sql);
    else statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return reusable(statement);
  }) as typeof connection.prepare;
}

/** The part of a statement the adapter uses, its parameters given at each call. */
function reusable(statement: Database.Statement) {
  const using = (parameters?: unknown[]) => {
    const given = parameters ? [parameters] : [];
    return {
      reader: statement.reader,
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(...given) }),
      run: () => statement.run(...given),
    };
  };
  return { ...using(), bind: (parameters: unknown[]) => using(parameters) };
}
