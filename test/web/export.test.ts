import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/export.ts';
import type { JsonExport } from '../../src/web/export/json.ts';
import { engines } from '../support/test-database.ts';
import { seed, startWebRelais, type Seeded, type WebRelais } from './web-relais.ts';

/** Relative link targets of a Markdown page: [label](<target>). */
const linkTargets = (markdown: string) => [...markdown.matchAll(/\]\(<([^>]+)>\)/g)].map((match) => match[1]!);

describe.each(engines)('export on %s', (engine) => {
  let relais: WebRelais;
  let seeded: Seeded;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    relais = await startWebRelais(engine);
    seeded = await seed(relais);
    env = { DATABASE_URL: relais.databaseUrl, RELAIS_PUBLIC_URL: 'http://relais.test' };
  });
  afterAll(() => relais?.close());

  it('writes everything as versioned JSON that matches the database, without hidden tips or platform ids', async () => {
    const out = mkdtempSync(join(tmpdir(), 'relais-json-'));
    expect(await runExport(['--format', 'json', '--out', out], env)).toEqual([join(out, 'relais-export.json')]);
    const raw = readFileSync(join(out, 'relais-export.json'), 'utf8');
    const data = JSON.parse(raw) as JsonExport;
    const { db } = relais.running;

    expect(data.format).toBe('relais-export');
    expect(data.version).toBe(1);
    expect(data.networks.map((network) => network.slug)).toEqual(['cartes', 'ecoles']);
    expect(data.channels).toHaveLength(await db.channel.count());
    const published = await db.tip.findMany({ where: { status: 'published' }, orderBy: { id: 'asc' } });
    expect(data.tips.map((tip) => tip.title)).toEqual(published.map((tip) => tip.title));
    expect(data.tips.map((tip) => tip.id)).not.toContain(seeded.tips.hidden);
    expect(data.tips.find((tip) => tip.id === seeded.tips.umap)).toMatchObject({ author: 'Bruno Dupont', network: 'cartes', tags: ['cartes', 'outils'], votes: 2 });
    expect(data.meetups).toHaveLength(await db.meetup.count());
    expect(data.meetups.find((meetup) => meetup.id === seeded.meetups.apero)?.rsvps).toEqual({ going: 2, maybe: 1, declined: 0, waitlisted: 1 });
    expect(data.meetups.find((meetup) => meetup.id === seeded.meetups.cancelled)).toMatchObject({ status: 'cancelled', sequence: 2 });

    const externalIds = (await db.member.findMany()).map((member) => member.externalId);
    for (const id of externalIds) expect(raw).not.toContain(`"${id}"`);
    expect(raw).not.toContain('secrète');
  });

  it('writes a Markdown wiki whose index links to the tag and network pages it wrote', async () => {
    const out = mkdtempSync(join(tmpdir(), 'relais-md-'));
    // A page left by an earlier export for a tag that no longer exists is removed.
    mkdirSync(join(out, 'tags'));
    writeFileSync(join(out, 'tags', 'ancienne.md'), '# old\n');
    await runExport(['--format', 'markdown', '--out', out], env);

    expect(readdirSync(join(out, 'tags')).sort()).toEqual(['cartes.md', 'ecoles.md', 'outils.md', 'reunions.md', 'securite.md']);
    expect(readdirSync(join(out, 'networks')).sort()).toEqual(['cartes.md', 'ecoles.md']);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    const targets = linkTargets(index).filter((target) => !target.startsWith('http'));
    expect(targets).toContain('tags/outils.md');
    expect(targets).toContain('networks/ecoles.md');
    for (const target of targets) expect(existsSync(join(out, target)), target).toBe(true);
    for (const page of ['tags/outils.md', 'networks/cartes.md']) {
      const text = readFileSync(join(out, page), 'utf8');
      for (const target of linkTargets(text).filter((link) => !link.startsWith('http'))) {
        expect(existsSync(resolve(dirname(join(out, page)), target)), `${page} → ${target}`).toBe(true);
      }
    }

    const outils = readFileSync(join(out, 'tags', 'outils.md'), 'utf8');
    expect(outils).toContain('## Cartographie libre avec uMap pour les ateliers');
    expect(outils).toContain('par Bruno Dupont · Cartes et territoires · 2 votes');
    expect(outils).toContain(`[Relais](<http://relais.test/tips/${seeded.tips.umap}>)`);
    expect(index).not.toContain('secrète');
  });

  it('escapes user text so it stays text in the wiki', async () => {
    const out = mkdtempSync(join(tmpdir(), 'relais-md-'));
    await runExport(['--format', 'markdown', '--out', out], env);
    const page = readFileSync(join(out, 'tags', 'securite.md'), 'utf8');
    expect(page).toContain('\\<script\\>alert(1)\\</script\\> \\[clic\\](javascript:alert(1)) \\<img src=x onerror=alert(2)\\> #securite');
    expect(page).toContain('par Mallory \\<b\\>Evil\\</b\\>');
    expect(page).not.toMatch(/(^|[^\\])<(script|img|b)\b/);
  });

  it('refuses an unknown format with the usage', async () => {
    await expect(runExport(['--format', 'pdf', '--out', tmpdir()], env)).rejects.toThrow(/Usage: relais export/);
  });
});
