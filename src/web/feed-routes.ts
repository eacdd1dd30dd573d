import { findNetwork } from '../domain/networks/service.ts';
import { lookedUpTag, MAX_TAG_LENGTH } from '../domain/tips/tags.ts';
import type { WebContext, WebResponse } from './context.ts';
import { knowledgeFeed } from './feeds.ts';
import { notFoundPage } from './pages/errors.ts';

type Route = [pattern: RegExp, render: (ctx: WebContext, match: RegExpExecArray) => Promise<WebResponse>];

/** A tag as its feed's address holds it (percent-encoded), or undefined when it cannot be one. */
function tagIn(segment: string): string | undefined {
  try {
    const tag = decodeURIComponent(segment);
    return /^[\p{L}\p{N}_-]+$/u.test(tag) && [...tag].length <= MAX_TAG_LENGTH ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** The Atom feeds: everything new, a network's, a tag's (a tag merged away gives what it was merged into). */
export const feedRoutes: Route[] = [
  [/^\/feed\.atom$/, (ctx) => knowledgeFeed(ctx, {})],
  [/^\/networks\/([a-z0-9-]{2,40})\/feed\.atom$/, async (ctx, match) => {
    const network = await findNetwork(ctx.services.db, match[1]!);
    return network ? knowledgeFeed(ctx, { network }) : notFoundPage(ctx);
  }],
  [/^\/tags\/([^/]{1,400})\/feed\.atom$/, async (ctx, match) => {
    const tag = tagIn(match[1]!);
    return tag ? knowledgeFeed(ctx, { tag: await lookedUpTag(ctx.services.db, tag) }) : notFoundPage(ctx);
  }],
];
