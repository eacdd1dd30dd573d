import { DateTime } from 'luxon';
import type { ResourceView } from '../../domain/resources/service.ts';
import { resourceFacts } from '../../domain/resources/view.ts';
import { isVerified } from '../../domain/tips/curation.ts';
import type { TipView } from '../../domain/tips/service.ts';
import { translator, type Translate } from '../../i18n/translate.ts';
import { safeHref } from '../html.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { mdBlock, mdInline } from './markdown-text.ts';
import { countedTags } from '../../domain/tips/tags.ts';

export interface MarkdownOptions {
  locale: string;
  timeZone: string;
  /** RELAIS_PUBLIC_URL: when set, every tip links to its web page too. */
  publicUrl?: string | undefined;
  exportedAt: Date;
}

/** Our own link: the destination in <…> (URL.href has already percent-encoded spaces and brackets). */
const link = (label: string, target: string) => `[${label}](<${target}>)`;

/** A file name from a tag: tags are folded words already; anything else is replaced, and clashes numbered. */
function tagFiles(tags: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const used = new Set<string>();
  for (const tag of tags) {
    const base = tag.replace(/[^\p{L}\p{N}_-]/gu, '_') || 'tag';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    files.set(tag, `${name}.md`);
  }
  return files;
}

interface Writer {
  t: Translate;
  options: MarkdownOptions;
  tagFile: Map<string, string>;
  /** How each tag is shown: as most of its tips write it. */
  tagLabel: Map<string, string>;
}

function day(instant: Date, w: Writer): string {
  return DateTime.fromJSDate(instant, { zone: w.options.timeZone }).setLocale(w.options.locale).toLocaleString(DateTime.DATE_FULL);
}

function tipLinks(tip: TipView, w: Writer): string[] {
  const source = safeHref(tip.permalink);
  const page = w.options.publicUrl ? safeHref(`${w.options.publicUrl.replace(/\/+$/, '')}/tips/${tip.id}`) : undefined;
  return [...(page ? [link(w.t('web.siteName'), page)] : []), ...(source ? [link(w.t('web.export.source'), source)] : [])];
}

function tipMeta(tip: TipView, w: Writer): string {
  return [
    ...(isVerified(tip, w.options.exportedAt) ? [`**${mdInline(`✔ ${w.t('knowledge.verified')}`)}**`] : []),
    mdInline(w.t('web.tips.by', { name: tip.author.displayName })),
    ...(tip.network ? [mdInline(tip.network.name)] : []),
    mdInline(w.t('tips.votes', { count: tip.voteCount })),
    mdInline(day(tip.createdAt, w)),
    ...tipLinks(tip, w),
  ].join(' · ');
}

/** A tip in full, for the tag and network pages; `tagDir` is how to reach tags/ from that page. */
function tipSection(tip: TipView, w: Writer, tagDir: string): string {
  const tags = tip.tags.map(({ tag }) => link(`\\#${mdInline(w.tagLabel.get(tag) ?? tag)}`, `${tagDir}${w.tagFile.get(tag)}`)).join(' ');
  return [`## ${mdInline(tip.title)}`, tipMeta(tip, w), mdBlock(tip.text), ...(tags ? [`${mdInline(w.t('web.export.tagsLabel'))} ${tags}`] : [])].join('\n\n');
}

/** In the index, a tip's title leads to a page that has it in full: its network's, else its first tag's. */
function indexEntry(tip: TipView, w: Writer): string {
  const title = mdInline(tip.title);
  const firstTag = tip.tags[0]?.tag;
  if (tip.network) return link(title, `networks/${tip.network.slug}.md`);
  if (firstTag) return link(title, `tags/${w.tagFile.get(firstTag)}`);
  return `**${title}**`;
}

/** A resource: its title and what it is, and its address shown as such, a link since Relais checked it is http(s). */
function resourceEntry(resource: ResourceView, w: Writer): string {
  const href = safeHref(resource.url);
  return `- **${mdInline(resource.title)}** — ${mdInline(resourceFacts(resource, w.t))} — ${href ? link(mdInline(resource.url), href) : mdInline(resource.url)}`;
}

function pageOf(title: string, sections: string[], w: Writer, indexPath: string): string {
  return `# ${title}\n\n${link(mdInline(w.t('web.export.backToIndex')), indexPath)}\n\n${sections.join('\n\n')}\n`;
}

/**
 * The knowledge base as wiki-ready Markdown: index.md, tags/<tag>.md and networks/<slug>.md,
 * keyed by relative path. Newest tips first on every page.
 */
export function markdownExport(base: KnowledgeBase, options: MarkdownOptions): Map<string, string> {
  const t = translator(options.locale);
  const tips = [...base.tips].reverse();
  const tagCounts = new Map<string, number>();
  for (const tip of tips) for (const { tag } of tip.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const tags = [...tagCounts.keys()].sort();
  const labels = countedTags(tips.flatMap((tip) => tip.tags.map(({ tag, label }) => ({ tag, label, count: 1 }))));
  const w: Writer = { t, options, tagFile: tagFiles(tags), tagLabel: new Map(labels.map(({ tag, label }) => [tag, label])) };
  const files = new Map<string, string>();

  for (const tag of tags) {
    const tagged = tips.filter((tip) => tip.tags.some((entry) => entry.tag === tag));
    files.set(`tags/${w.tagFile.get(tag)}`, pageOf(mdInline(t('web.export.tagTitle', { tag: w.tagLabel.get(tag) ?? tag })), tagged.map((tip) => tipSection(tip, w, '')), w, '../index.md'));
  }
  for (const network of base.networks) {
    const own = tips.filter((tip) => tip.networkId === network.id);
    files.set(`networks/${network.slug}.md`, pageOf(mdInline(t('web.export.networkTitle', { name: network.name })), own.map((tip) => tipSection(tip, w, '../tags/')), w, '../index.md'));
  }

  const index = [
    `# ${mdInline(t('web.export.indexTitle'))}`,
    mdInline(t('web.export.generated', { date: day(options.exportedAt, w) })),
    `## ${mdInline(t('web.export.networks'))}`,
    base.networks.map((network) => `- ${link(mdInline(network.name), `networks/${network.slug}.md`)} — ${mdInline(t('web.network.tips', { count: network._count.tips }))}`).join('\n'),
    `## ${mdInline(t('web.export.tags'))}`,
    tags.map((tag) => `- ${link(`\\#${mdInline(w.tagLabel.get(tag) ?? tag)}`, `tags/${w.tagFile.get(tag)}`)} (${tagCounts.get(tag)})`).join('\n'),
    ...(base.resources.length ? [`## ${mdInline(t('resources.web.title'))}`, [...base.resources].reverse().map((resource) => resourceEntry(resource, w)).join('\n')] : []),
    `## ${mdInline(t('web.export.latest'))}`,
    tips.map((tip) => `- ${indexEntry(tip, w)} — ${tipMeta(tip, w)}`).join('\n'),
  ].filter(Boolean);
  files.set('index.md', `${index.join('\n\n')}\n`);
  return files;
}
