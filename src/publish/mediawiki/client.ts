// The wiki's Action API through mwn (a kept MediaWiki client): it logs in with the bot password,
// keeps the session cookies, fetches the CSRF token, sends maxlag and assert=user on every call,
// waits out a maxlag answer as long as the wiki's Retry-After says, and logs in again when the
// session is lost. What it does not do is decided here: which answers mean "try later", which
// mean "leave this page alone", and what a person is told.
import { Mwn, MwnError, type ApiParams } from 'mwn';
import { RelaisError } from '../../core/errors.ts';

export interface WikiRevision {
  revid: number;
  user: string;
  timestamp: string;
  content: string;
}

export interface WikiRead {
  /** The wiki's clock when the pages were read: the starttimestamp of the edits that follow. */
  readAt: string;
  /** The latest revision of each title asked for; undefined when the page does not exist. */
  pages: Map<string, WikiRevision | undefined>;
}

export interface PageEdit {
  title: string;
  text: string;
  summary: string;
  /** The revision the new text replaces (its timestamp detects edit conflicts); none: create only. */
  base: WikiRevision | undefined;
  readAt: string;
}

/** saved / nochange: the page holds the text (nochange: it already did); conflict: someone got there first; refused: the wiki said no (protection, filters). */
export type EditResult = { outcome: 'saved' | 'nochange'; revid: number } | { outcome: 'conflict' | 'refused'; code: string };

export interface WikiClient {
  /** The account Relais edits as, as the wiki writes it in page histories. */
  readonly user: string;
  /** The category namespace's name in the wiki's language (Catégorie, Category…). */
  readonly categoryNamespace: string;
  read(titles: string[]): Promise<WikiRead>;
  edit(edit: PageEdit): Promise<EditResult>;
}

export interface WikiConnection {
  apiUrl: string;
  user: string;
  password: string;
  userAgent: string;
  /** How long mwn waits before retrying a maxlag answer without Retry-After (ms). */
  retryPauseMs?: number;
  timeoutMs?: number;
}

/** The wiki asks to come back later: not an error of ours, retried later. */
const busyCodes = new Set(['maxlag', 'ratelimited', 'readonly']);
const conflictCodes = new Set(['editconflict', 'articleexists', 'pagedeleted', 'missingtitle']);
const refusedCodes = /^(protectedpage|cascadeprotected|permissiondenied|cantcreate|spamblacklist|titleblacklist|abusefilter|blocked|autoblocked|noedit|customcssprotected|customjsprotected)/;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function unreachable(apiUrl: string, error: unknown): RelaisError {
  return new RelaisError('unavailable', 'wiki.errors.unreachable', { url: apiUrl, reason: reasonOf(error) }, `wiki unreachable: ${reasonOf(error)}`);
}

/** Errors of the wiki's API (an `error` in its answer) versus failures to reach it at all. */
function translateError(apiUrl: string, error: unknown): RelaisError {
  if (error instanceof RelaisError) return error;
  if (error instanceof MwnError && error.code && !error.code.startsWith('mwn') && error.code !== 'invalidjson') {
    if (busyCodes.has(error.code)) return new RelaisError('unavailable', 'wiki.errors.busy', { url: apiUrl, reason: error.code }, `wiki busy: ${error.code}`);
    return new RelaisError('internal', 'wiki.errors.api', { url: apiUrl, reason: reasonOf(error) }, `wiki API error: ${reasonOf(error)}`);
  }
  return unreachable(apiUrl, error);
}

/** Logs in with the bot password and learns what it needs of the wiki; a refused login names the variables to check. */
export async function connectWiki(connection: WikiConnection): Promise<WikiClient> {
  const { apiUrl } = connection;
  const bot = new Mwn({
    apiUrl,
    username: connection.user,
    password: connection.password,
    userAgent: connection.userAgent,
    silent: true,
    suppressAPIWarnings: true,
    maxRetries: 2,
    retryPause: connection.retryPauseMs ?? 5000,
    defaultParams: { assert: 'user' },
  });
  bot.setRequestOptions({ timeout: connection.timeoutMs ?? 30_000 });
  // A wiki that is down or answers 5xx fails this run at once (the scheduler tries again with
  // backoff) instead of mwn's own pauses, which also print to stdout.
  bot.axiosInstance.interceptors.response.use(undefined, (error: { disableRetry?: boolean }) => {
    error.disableRetry = true;
    return Promise.reject(error);
  });
  const call = (params: ApiParams) => bot.request(params).catch((error: unknown) => Promise.reject(translateError(apiUrl, error)));

  let user: string;
  try {
    const login = await bot.login();
    user = String(login.lgusername);
  } catch (error) {
    if (error instanceof MwnError && error.code === 'mwn_failedlogin') {
      throw new RelaisError('forbidden', 'wiki.errors.login', { url: apiUrl, user: connection.user, reason: error.info ?? '' }, `wiki login refused: ${error.info}`);
    }
    throw translateError(apiUrl, error);
  }
  const site = await call({ action: 'query', meta: 'siteinfo', siprop: 'namespaces' });
  const categoryNamespace = String(site.query?.namespaces?.['14']?.name ?? 'Category');

  return {
    user,
    categoryNamespace,
    async read(titles) {
      const pages = new Map<string, WikiRevision | undefined>();
      let readAt = '';
      for (let i = 0; i < titles.length; i += 50) {
        const batch = titles.slice(i, i + 50);
        const answer = await call({
          action: 'query', titles: batch, prop: 'revisions', rvprop: ['ids', 'timestamp', 'user', 'content'], rvslots: 'main', curtimestamp: true,
        });
        readAt ||= String(answer.curtimestamp);
        // The wiki answers under its own spelling of each title (first letter, underscores).
        const asked = new Map<string, string>(batch.map((title) => [title, title]));
        for (const { from, to } of (answer.query?.normalized ?? []) as { from: string; to: string }[]) asked.set(to, asked.get(from) ?? from);
        for (const page of (answer.query?.pages ?? []) as { title: string; missing?: boolean; invalid?: boolean; revisions?: Record<string, unknown>[] }[]) {
          const title = asked.get(page.title) ?? page.title;
          if (page.invalid) throw new RelaisError('internal', 'wiki.errors.api', { url: apiUrl, reason: `invalid title ${title}` });
          const revision = page.revisions?.[0] as { revid: number; user: string; timestamp: string; slots: { main: { content: string } } } | undefined;
          pages.set(title, revision && { revid: revision.revid, user: revision.user, timestamp: revision.timestamp, content: revision.slots.main.content });
        }
      }
      return { readAt, pages };
    },
    async edit({ title, text, summary, base, readAt }) {
      try {
        const answer = await bot.request({
          action: 'edit', title, text, summary, bot: true, watchlist: 'nochange', starttimestamp: readAt,
          ...(base ? { basetimestamp: base.timestamp, nocreate: true } : { createonly: true }),
          token: bot.csrfToken,
        });
        const edit = answer.edit as { result: string; nochange?: boolean; newrevid?: number; code?: string };
        if (edit.result !== 'Success') return { outcome: 'refused', code: edit.code ?? edit.result };
        if (edit.nochange) return { outcome: 'nochange', revid: base?.revid ?? 0 };
        return { outcome: 'saved', revid: edit.newrevid! };
      } catch (error) {
        const code = error instanceof MwnError ? String(error.code) : '';
        if (conflictCodes.has(code)) return { outcome: 'conflict', code };
        if (refusedCodes.test(code)) return { outcome: 'refused', code };
        throw translateError(apiUrl, error);
      }
    },
  };
}
