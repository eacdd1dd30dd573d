/**
 * `npx tsx bench/statements.ts`: how many SQL statements Relais runs per RSVP reaction on
 * SQLite (every statement Prisma sends, BEGIN and COMMIT included), for a small storm of B4's shape — 1,000 reactions on 20 meetups from 300 people —
 * and which statements they are, most frequent first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/client.ts';
import { STORM, benchStorm } from './storm.ts';

const shape = { ...STORM, events: 1000, people: 300 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-statements-'));
const url = `file:${path.join(dir, 'statements.db')}`;

const { db, close } = await openDatabase(url);
const channel = await db.channel.create({ data: { platform: 'slack', workspace: 'T1', externalId: 'C1', locale: 'fr', timezone: 'Europe/Paris' } });
await db.member.create({ data: { platform: 'slack', workspace: channel.workspace, externalId: 'UORGANIZER', displayName: 'Organisatrice', person: { create: {} } } });
await close();

const counts = new Map<string, number>();
let counting = false;
// Counted as run, not as prepared: the connection reuses its prepared statements (src/db/statement-cache.ts).
const Statement = new Database(':memory:').prepare('SELECT 1').constructor as { prototype: Record<'run' | 'all' | 'get', (...args: unknown[]) => unknown> };
for (const method of ['run', 'all', 'get'] as const) {
  const original = Statement.prototype[method];
  Statement.prototype[method] = function (this: Database.Statement, ...args: unknown[]) {
    if (counting) {
      const shapeOf = this.source.replace(/\s+/g, ' ').replace(/(\?\s*,\s*)+\?/g, '?…').slice(0, 110);
      counts.set(shapeOf, (counts.get(shapeOf) ?? 0) + 1);
    }
    return original.apply(this, args);
  };
}

const result = await benchStorm(url, 'sqlite', shape, { start: () => (counting = true), end: () => (counting = false) });
const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
process.stdout.write(`${shape.events} reactions (${shape.people} people, ${shape.meetups} meetups): ${total} statements, ${(total / shape.events).toFixed(1)} per reaction; ${result.perSecond.toFixed(0)} reactions/s; lost ${result.lost}, doubled ${result.duplicated}, errors ${result.errors}\n`);
for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`${(n / shape.events).toFixed(2).padStart(6)}  ${sql}\n`);
fs.rmSync(dir, { recursive: true, force: true });
