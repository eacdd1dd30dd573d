import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { jsonExport } from '../web/export/json.ts';
import { loadKnowledgeBase } from '../web/export/knowledge-base.ts';
import { markdownExport } from '../web/export/markdown.ts';

export const exportUsage = `Usage: relais export --format markdown|json --out <dir>

  --format markdown  index.md, tags/<tag>.md and networks/<slug>.md, ready for a wiki
  --format json      relais-export.json: networks, channels, tips, meetups and RSVP counts
  --out <dir>        where to write (created if needed)

Reads DATABASE_URL like Relais itself. Hidden tips are never exported.`;

/** Earlier exports' pages for tags or networks that no longer exist; only our own folders are swept. */
async function removeStalePages(out: string, written: Set<string>): Promise<void> {
  for (const folder of ['tags', 'networks']) {
    const names = await readdir(join(out, folder)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.md') && !written.has(`${folder}/${name}`)) await rm(join(out, folder, name));
    }
  }
}

/** `relais export`: writes the knowledge base to files; returns the paths written. */
export async function runExport(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'markdown' }, out: { type: 'string' } }, strict: true });
  if (values.format !== 'markdown' && values.format !== 'json') throw new Error(`Unknown format "${values.format}".\n\n${exportUsage}`);
  if (!values.out) throw new Error(`--out is required.\n\n${exportUsage}`);
  const config = loadConfig(env);
  // An export only reads: it never migrates (run `relais migrate` for that).
  const database = await openDatabase(config.DATABASE_URL, { migrate: false });
  try {
    const base = await loadKnowledgeBase(database.db);
    const exportedAt = new Date();
    const files =
      values.format === 'json'
        ? new Map([['relais-export.json', `${JSON.stringify(jsonExport(base, exportedAt), null, 2)}\n`]])
        : markdownExport(base, { locale: config.RELAIS_LOCALE, timeZone: config.RELAIS_TIMEZONE, publicUrl: config.RELAIS_PUBLIC_URL, exportedAt });
    for (const [path, content] of files) {
      const target = join(values.out, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content, 'utf8');
    }
    if (values.format === 'markdown') await removeStalePages(values.out, new Set(files.keys()));
    return [...files.keys()].map((path) => join(values.out!, path));
  } finally {
    await database.close();
  }
}

export const exportCommand: CliCommand = {
  help: 'write the knowledge base as a Markdown wiki or JSON (--format markdown|json --out <dir>)',
  async handler(argv, env) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${exportUsage}\n`);
      return 0;
    }
    const written = await runExport(argv, env);
    process.stdout.write(`${written.length} file(s) written:\n${written.map((path) => `  ${path}\n`).join('')}`);
    return 0;
  },
};
