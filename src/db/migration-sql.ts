// What a migration script needs from the transaction it runs in. Most scripts run whole in
// one transaction with their `_prisma_migrations` row, so a failure leaves nothing behind.
// Two kinds need care:
// - SQLite's table redefinitions (`PRAGMA foreign_keys=OFF; ... DROP TABLE "Tip"; ...`), which
//   Prisma runs outside any transaction: in one, that pragma does nothing, and dropping a
//   table with foreign keys on deletes the rows that reference it (ON DELETE CASCADE). They run
//   as SQLite documents for altering tables: foreign keys off, then the transaction, checked
//   with `PRAGMA foreign_key_check` before commit.
// - statements a database refuses in a transaction (VACUUM, CREATE INDEX CONCURRENTLY...) or
//   that end one (COMMIT): such a script runs as Prisma runs it, alone, its row written before
//   and completed after.
import type { Engine } from './engine.ts';

export type ScriptNeeds =
  | { transaction: true; foreignKeysOff: boolean }
  | { transaction: false; reason: string };

const notInTransaction: Record<Engine, RegExp[]> = {
  sqlite: [
    /^(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i,
    /^VACUUM\b/i,
    /^(ATTACH|DETACH)\b/i,
    /^PRAGMA\s+(\w+\.)?journal_mode\b/i,
  ],
  postgres: [
    /^(BEGIN|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|START\s+TRANSACTION)\b/i,
    /^VACUUM\b/i,
    /^(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX|REINDEX)\b.*\bCONCURRENTLY\b/is,
    /^(CREATE|DROP)\s+(DATABASE|TABLESPACE)\b/i,
    /^ALTER\s+SYSTEM\b/i,
  ],
};
const foreignKeysOff = /^PRAGMA\s+(\w+\.)?foreign_keys\s*=\s*(OFF|0|FALSE|NO)\s*$/i;

export function scriptNeeds(script: string, engine: Engine): ScriptNeeds {
  const statements = topLevelStatements(script, engine);
  for (const statement of statements) {
    if (notInTransaction[engine].some((pattern) => pattern.test(statement))) {
      return { transaction: false, reason: `it contains \`${statement.split(/\s+/).slice(0, 4).join(' ')}\`` };
    }
  }
  return { transaction: true, foreignKeysOff: engine === 'sqlite' && statements.some((s) => foreignKeysOff.test(s)) };
}

/**
 * The script's statements, trimmed, with comments removed and quoted text emptied (so nothing
 * inside a string, an identifier or a function body is taken for a statement). The statements
 * of a body (`CREATE TRIGGER ... BEGIN ...; END`) stay part of the statement that opens it.
 */
function topLevelStatements(script: string, engine: Engine): string[] {
  const pieces: string[] = [];
  let current = '';
  let i = 0;
  const skipTo = (end: string, from: number): number => {
    const at = script.indexOf(end, from);
    return at < 0 ? script.length : at + end.length;
  };
  while (i < script.length) {
    const c = script[i]!;
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      i = skipTo('\n', i);
      current += ' ';
    } else if (c === '/' && next === '*') {
      i = skipTo('*/', i + 2);
      current += ' ';
    } else if (c === "'" || c === '"' || (engine === 'sqlite' && c === '`')) {
      // A doubled quote inside is an escaped one: it ends and restarts the quoted text, which is
      // emptied all the same. PostgreSQL's E'...' strings may also escape with a backslash.
      const backslashes = engine === 'postgres' && c === "'" && /(^|[^\w])[eE]$/.test(current);
      let j = i + 1;
      while (j < script.length && script[j] !== c) j += backslashes && script[j] === '\\' ? 2 : 1;
      i = j + 1;
      current += `${c}${c}`;
    } else if (engine === 'sqlite' && c === '[') {
      i = skipTo(']', i + 1);
      current += '""';
    } else if (engine === 'postgres' && c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(script.slice(i, i + 65)) && !/[\w$]$/.test(current)) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(script.slice(i, i + 65))![0];
      i = skipTo(tag, i + tag.length);
      current += "''";
    } else if (c === ';') {
      pieces.push(current.trim());
      current = '';
      i++;
    } else {
      current += c;
      i++;
    }
  }
  pieces.push(current.trim());

  const statements: string[] = [];
  let body: string | undefined;
  for (const piece of pieces) {
    if (body !== undefined) {
      body += `; ${piece}`;
      if (/^END$/i.test(piece)) {
        statements.push(body);
        body = undefined;
      }
    } else if (/^CREATE\b/i.test(piece) && /\bBEGIN\b/i.test(piece)) {
      body = piece;
    } else if (piece) {
      statements.push(piece);
    }
  }
  if (body !== undefined) statements.push(body);
  return statements;
}
