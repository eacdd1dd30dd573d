import type { Prisma } from '../../generated/sqlite/client.ts';
import { notFound, RelaisError } from '../../core/errors.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';
import { formsOf, LANGUAGES, prefixForms, queryWords, wordsOf } from '../tips/search-text.ts';
import { resolveAliases, resolveTag, tagOf, uniqueTags, type Tag } from '../tips/tags.ts';

/** What a resource is: a guide, a study, a report, or any other link. */
export const resourceKinds = ['guide', 'study', 'report', 'link'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** The words people type for each kind, in French and English. */
const kindWords: Record<string, ResourceKind> = {
  guide: 'guide', guides: 'guide',
  study: 'study', studies: 'study', etude: 'study', étude: 'study', etudes: 'study', études: 'study',
  report: 'report', reports: 'report', rapport: 'report', rapports: 'report',
  link: 'link', links: 'link', lien: 'link', liens: 'link',
};
export const kindNamed = (word: string): ResourceKind | undefined => kindWords[word.toLowerCase()];

export const resourceInclude = {
  network: true,
  addedBy: { select: { displayName: true } },
  tags: { orderBy: { tag: 'asc' } },
} satisfies Prisma.ResourceInclude;

export type ResourceView = Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>;

export const MAX_URL_LENGTH = 2000;
const EARLIEST_YEAR = 1900;

/** The address as a link people may follow: http or https only, or refused. */
export function resourceUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.href.length > MAX_URL_LENGTH) {
    throw new RelaisError('invalid_argument', 'resources.errors.url', { url: text.trim().slice(0, 200) });
  }
  return url.href;
}

export function resourceYear(text: string, now: Date): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= EARLIEST_YEAR && year <= now.getUTCFullYear() + 1)) throw new RelaisError('invalid_argument', 'resources.errors.year', { year: text, max: now.getUTCFullYear() + 1 });
  return year;
}

/** What the options segment of /resource add says: tags, a kind, a year, the publishing network's slug. */
export interface ResourceOptions {
  tags: Tag[];
  kind?: ResourceKind;
  year?: number;
  network?: string;
}

const networkOption = /^(?:r[ée]seau|network):([a-z0-9-]{2,40})$/iu;

/** "#ruralité guide 2024 réseau:creatif" → its parts; a word that is none of them is refused, never guessed. */
export function resourceOptions(text: string, now: Date): ResourceOptions {
  const options: ResourceOptions = { tags: [] };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const kind = kindNamed(word);
    const network = networkOption.exec(word)?.[1];
    if (word.startsWith('#')) options.tags.push(tagOf(word));
    else if (kind) options.kind = kind;
    else if (/^\d{4}$/.test(word)) options.year = resourceYear(word, now);
    else if (network) options.network = network.toLowerCase();
    else throw new RelaisError('invalid_argument', 'resources.errors.option', { word });
  }
  return options;
}

async function networkId(db: Tx, slug: string | undefined, fallback: number | null): Promise<number | null> {
  if (slug === undefined) return fallback;
  const network = await db.network.findUnique({ where: { slug }, select: { id: true } });
  if (!network) throw notFound('network', slug);
  return network.id;
}

export interface NewResource {
  url: string;
  title: string;
  options: ResourceOptions;
  addedBy: MemberRecord;
  channelId: number | null;
  /** The channel's network: the publishing network unless another is named. */
  networkId: number | null;
  language: string | null;
  createdAt: Date;
}

export async function addResource(db: Tx, resource: NewResource): Promise<ResourceView> {
  const tags = await resolveAliases(db, uniqueTags(resource.options.tags));
  return db.resource.create({
    data: {
      url: resourceUrl(resource.url),
      title: resource.title,
      kind: resource.options.kind ?? 'link',
      year: resource.options.year ?? null,
      networkId: await networkId(db, resource.options.network, resource.networkId),
      channelId: resource.channelId,
      addedById: resource.addedBy.id,
      language: resource.language,
      createdAt: resource.createdAt,
      tags: { create: tags },
    },
    include: resourceInclude,
  });
}

export async function getResource(db: Tx, id: number): Promise<ResourceView> {
  const resource = await db.resource.findUnique({ where: { id }, include: resourceInclude });
  if (!resource) throw new RelaisError('not_found', 'resources.errors.notFound', { id });
  return resource;
}

/** One field of a resource, changed: its address, title, kind, year, network or tags (all of them, replaced). */
export type ResourceChange =
  | { field: 'url'; value: string }
  | { field: 'title'; value: string }
  | { field: 'kind'; value: ResourceKind }
  | { field: 'year'; value: number | null }
  | { field: 'network'; value: string | null }
  | { field: 'tags'; value: Tag[] };

export async function editResource(db: Tx, id: number, change: ResourceChange): Promise<ResourceView> {
  await getResource(db, id);
  return atomically(db, async (tx) => {
    switch (change.field) {
      case 'url':
        return tx.resource.update({ where: { id }, data: { url: resourceUrl(change.value) }, include: resourceInclude });
      case 'network':
        return tx.resource.update({ where: { id }, data: { networkId: change.value === null ? null : await networkId(tx, change.value, null) }, include: resourceInclude });
      case 'tags': {
        const tags = await resolveAliases(tx, uniqueTags(change.value));
        await tx.resourceTag.deleteMany({ where: { resourceId: id } });
        return tx.resource.update({ where: { id }, data: { tags: { create: tags } }, include: resourceInclude });
      }
      default:
        return tx.resource.update({ where: { id }, data: { [change.field]: change.value }, include: resourceInclude });
    }
  });
}

export async function deleteResource(db: Tx, id: number): Promise<void> {
  await getResource(db, id);
  await db.resource.delete({ where: { id } });
}

export interface ResourceFilter {
  tag?: string;
  kind?: ResourceKind;
  networkId?: number;
}

async function whereOf(db: Tx, filter: ResourceFilter): Promise<Prisma.ResourceWhereInput> {
  const tag = filter.tag ? await resolveTag(db, filter.tag) : undefined;
  return { ...(tag ? { tags: { some: { tag } } } : {}), ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.networkId ? { networkId: filter.networkId } : {}) };
}

/** Resources, newest first, a page at a time. Every resource is public: they are what partners publish. */
export async function listResources(db: Tx, filter: ResourceFilter & { skip?: number; take: number }): Promise<{ resources: ResourceView[]; total: number }> {
  const where = await whereOf(db, filter);
  const [resources, total] = await Promise.all([
    db.resource.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: filter.skip ?? 0, take: filter.take, include: resourceInclude }),
    db.resource.count({ where }),
  ]);
  return { resources, total };
}

/** The words a resource is found by: its title, tags, kind, year, network and the address's host, each with its stems. */
function indexedForms(resource: ResourceView): Set<string> {
  const host = (() => {
    try {
      return new URL(resource.url).hostname;
    } catch {
      return '';
    }
  })();
  const parts = [resource.title, ...resource.tags.map(({ label }) => label), resource.kind, String(resource.year ?? ''), resource.network?.name ?? '', resource.network?.slug ?? '', host];
  return new Set(parts.flatMap((part) => wordsOf(part)).flatMap((word) => formsOf(word.text, LANGUAGES)));
}

/**
 * Resources matching every word of the query, newest first, as tips match (word forms in both
 * languages, accents ignored, the last word as a prefix). Partners publish tens of documents, not
 * thousands: they are matched in memory rather than through a full-text index.
 */
export async function searchResources(db: Tx, query: string, filter: ResourceFilter & { limit: number }): Promise<ResourceView[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const last = words.at(-1)!;
  const typed = prefixForms(last).filter((form) => form.length > 1);
  const all = await db.resource.findMany({ where: await whereOf(db, filter), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], include: resourceInclude });
  const found = all.filter((resource) => {
    const forms = indexedForms(resource);
    return words.every((word) => word.stems.some((stem) => forms.has(stem)) || forms.has(word.word) || (word === last && typed.some((prefix) => [...forms].some((form) => form.startsWith(prefix)))));
  });
  return found.slice(0, filter.limit);
}

/** Resources shared between two instants (a digest's period), oldest first. */
export function resourcesSharedBetween(db: Tx, window: { since: Date; until: Date }, options: { networkId: number | null; limit: number }): Promise<ResourceView[]> {
  return db.resource.findMany({
    where: { createdAt: { gte: window.since, lt: window.until }, ...(options.networkId === null ? {} : { networkId: options.networkId }) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: options.limit,
    include: resourceInclude,
  });
}
