import { z } from 'zod';
import {
  addResource, deleteResource, editResource, getResource, kindNamed, listResources, resourceOptions, resourceYear, searchResources, type ResourceChange,
} from '../../domain/resources/service.ts';
import { kindLabel, resourceCard, resourceListCard } from '../../domain/resources/view.ts';
import { lookedUpTag, tagOf } from '../../domain/tips/tags.ts';
import { idArg, idOnly, queryArg } from '../arguments.ts';
import type { InteractionContext } from '../context.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { invalidArgument } from '../parse.ts';
import { confirmation } from '../replies.ts';

const LIST_SIZE = 10;

const titleArg = z.string().min(3, 'validation.tooShort').max(200, 'validation.tooLong');
const optionsArg = z.string().max(1000, 'validation.tooLong');
const urlArg = z.string().min(1, 'validation.tooShort').max(2000, 'validation.tooLong');
/** A list filter: a #tag, or a kind in either language. */
const filterArg = z.string().max(41, 'validation.tooLong').refine((value) => value.startsWith('#') || kindNamed(value) !== undefined, 'resources.validation.filter');

const editableFields = {
  url: 'url', lien: 'url', adresse: 'url',
  title: 'title', titre: 'title',
  kind: 'kind', type: 'kind',
  year: 'year', annee: 'year', année: 'year',
  network: 'network', reseau: 'network', réseau: 'network',
  tags: 'tags', etiquettes: 'tags', étiquettes: 'tags',
} as const;
const fieldArg = z.string().transform((value) => value.toLowerCase()).pipe(z.enum(Object.keys(editableFields) as [keyof typeof editableFields], 'resources.validation.field'));

/** The new value of one field, checked as /resource add checks it; "-" clears the year, the network or the tags. */
function changeOf(field: (typeof editableFields)[keyof typeof editableFields], value: string, ctx: InteractionContext): ResourceChange {
  const cleared = value === '-';
  switch (field) {
    case 'url':
      return { field, value };
    case 'title': {
      const title = titleArg.safeParse(value);
      if (!title.success) throw invalidArgument(ctx.t('resources.args.title'), title.error.issues[0]?.message ?? '', ctx.t);
      return { field, value: title.data };
    }
    case 'kind': {
      const kind = kindNamed(value);
      if (!kind) throw invalidArgument(ctx.t('resources.kind'), 'resources.validation.kind', ctx.t);
      return { field, value: kind };
    }
    case 'year':
      return { field, value: cleared ? null : resourceYear(value, ctx.clock.now()) };
    case 'network':
      return { field, value: cleared ? null : value.toLowerCase() };
    case 'tags':
      return { field, value: cleared ? [] : value.split(/\s+/).filter(Boolean).map(tagOf) };
  }
}

/** /resource (and /ressource): the guides, studies, reports and links partners publish, beside the tips. */
export const resourceCommand = defineCommand({
  name: 'resource',
  aliases: ['ressource'],
  help: 'resources.help.command',
  subcommands: [
    subcommand({
      name: 'add',
      aliases: ['ajouter'],
      syntax: 'pipes',
      args: [
        { name: 'url', kind: 'word', label: 'resources.args.url' },
        { name: 'title', kind: 'word', label: 'resources.args.title' },
        { name: 'options', kind: 'rest', optional: true, label: 'resources.args.options' },
      ],
      schema: z.object({ url: urlArg, title: titleArg, options: optionsArg.optional() }),
      permission: 'anyone',
      help: 'resources.help.add',
      async run({ url, title, options }, ctx) {
        const resource = await addResource(ctx.db, {
          url,
          title,
          options: resourceOptions(options ?? '', ctx.clock.now()),
          addedBy: ctx.member,
          channelId: ctx.channel.id,
          networkId: ctx.channel.networkId,
          language: ctx.channel.locale,
          createdAt: ctx.clock.now(),
        });
        const command = `${ctx.prefix}resource edit ${resource.id} type guide`;
        return confirmation(ctx, ctx.t('resources.added', { id: resource.id, kind: kindLabel(resource, ctx.t), command }));
      },
    }),
    subcommand({
      name: 'list',
      aliases: ['liste'],
      args: [{ name: 'filter', kind: 'word', optional: true, label: 'resources.args.filter' }],
      schema: z.object({ filter: filterArg.optional() }),
      permission: 'anyone',
      help: 'resources.help.list',
      async run({ filter }, ctx) {
        const tag = filter?.startsWith('#') ? await lookedUpTag(ctx.db, filter) : undefined;
        const kind = filter && !tag ? kindNamed(filter) : undefined;
        const { resources } = await listResources(ctx.db, { take: LIST_SIZE, ...(tag ? { tag: tag.tag } : {}), ...(kind ? { kind } : {}) });
        const title = tag ? ctx.t('resources.listFilteredTitle', { filter: `#${tag.label}` }) : kind ? ctx.t('resources.listFilteredTitle', { filter: ctx.t(`resources.kinds.${kind}`) }) : ctx.t('resources.listTitle');
        return { visibility: 'ephemeral', card: resourceListCard(title, resources, ctx, ctx.t('resources.empty')) };
      },
    }),
    subcommand({
      name: 'search',
      aliases: ['find', 'cherche', 'chercher'],
      args: [{ name: 'query', kind: 'rest', label: 'args.query' }],
      schema: z.object({ query: queryArg }),
      permission: 'anyone',
      help: 'resources.help.search',
      async run({ query }, ctx) {
        const found = await searchResources(ctx.db, query, { limit: LIST_SIZE });
        return { visibility: 'ephemeral', card: resourceListCard(ctx.t('resources.searchTitle', { query }), found, ctx, ctx.t('resources.noResults', { query })) };
      },
    }),
    subcommand({
      name: 'show',
      aliases: ['voir'],
      ...idOnly,
      permission: 'anyone',
      help: 'resources.help.show',
      async run({ id }, ctx) {
        return { visibility: 'ephemeral', card: resourceCard(await getResource(ctx.db, id), ctx) };
      },
    }),
    subcommand({
      name: 'edit',
      aliases: ['modifier'],
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'field', kind: 'word', label: 'resources.args.field' },
        { name: 'value', kind: 'rest', label: 'args.value' },
      ],
      schema: z.object({ id: idArg, field: fieldArg, value: z.string().max(2000, 'validation.tooLong') }),
      permission: 'owner',
      target: 'resource',
      help: 'resources.help.edit',
      async run({ id, field, value }, ctx) {
        await editResource(ctx.db, id, changeOf(editableFields[field], value, ctx));
        return confirmation(ctx, ctx.t('resources.edited', { id }));
      },
    }),
    subcommand({
      name: 'delete',
      aliases: ['remove', 'supprimer'],
      ...idOnly,
      permission: 'owner',
      target: 'resource',
      help: 'resources.help.delete',
      async run({ id }, ctx) {
        await deleteResource(ctx.db, id);
        return confirmation(ctx, ctx.t('resources.deleted', { id }));
      },
    }),
  ],
});
