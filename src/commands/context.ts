import type { Conversation } from '../core/adapter.ts';
import type { Locale, Translate } from '../i18n/translate.ts';
import type { ChannelRecord, MemberRecord } from '../domain/directory.ts';
import type { Services } from '../services.ts';

/** Everything a command handler may use; built once per invocation by the dispatcher. */
export interface CommandContext {
  services: Services;
  conversation: Conversation;
  channel: ChannelRecord;
  member: MemberRecord;
  locale: Locale;
  timeZone: string;
  t: Translate;
  /** "/" on Slack and the console, "!" on Matrix: usage lines are written with it. */
  prefix: string;
}
