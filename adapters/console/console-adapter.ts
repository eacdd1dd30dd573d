import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChannelRef, ChatAdapter, Conversation, PostedMessage, UserRef } from '../../src/core/adapter.ts';
import type { Card, CardButton } from '../../src/core/card.ts';
import type { Relais } from '../../src/relais.ts';
import { renderCard } from './render.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  userName?: string;
}

/**
 * Relais in a terminal: one local channel, one local user. Lines starting with "/" are commands;
 * a number presses that button of the last card shown. Reads a pipe to its end, then stops, so
 * it can be scripted: printf '/tip add …\n' | npm start
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private readonly conversation: Conversation;
  private choices: CardButton[] = [];
  private nextMessageId = 1;

  constructor(private readonly relais: Relais, private readonly options: ConsoleOptions) {
    const name = options.userName ?? (process.env.USER || userInfo().username || 'you');
    this.conversation = {
      channel: { platform: 'console', workspace: 'local', externalId: 'console', name: 'console' },
      user: { platform: 'console', workspace: 'local', externalId: name, displayName: name },
    };
  }

  private print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  private show(card: Card, note?: string): void {
    const first = this.choices.length + 1;
    if (card.buttons?.length) this.choices.push(...card.buttons);
    this.print(`${note ? `${note}\n` : ''}${renderCard(card, first)}\n`);
  }

  async start(): Promise<void> {}

  /** Reads lines until the input ends; resolves then. */
  async run(): Promise<void> {
    const interactive = (this.options.input as { isTTY?: boolean }).isTTY === true;
    if (interactive) this.print('Relais — console. /relais help pour l’aide, /relais help for help. Ctrl-D pour quitter / to quit.\n');
    const lines = createInterface({ input: this.options.input, terminal: false });
    for await (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      if (!interactive) this.print(`> ${line}`);
      await this.handle(line);
    }
  }

  private async handle(line: string): Promise<void> {
    if (/^\d+$/.test(line)) {
      const button = this.choices[Number(line) - 1];
      if (!button) return this.print(`(no choice ${line})\n`);
      for (const reply of await this.relais.action(this.conversation, button.actionId, button.value)) this.show(reply.card);
      return;
    }
    const command = /^[/!](\S+)\s*([\s\S]*)$/.exec(line);
    if (!command) return this.print('(commands start with /, e.g. /relais help)\n');
    const [, name = '', text = ''] = command;
    for (const reply of await this.relais.command(this.conversation, name.toLowerCase(), text, '/')) this.show(reply.card);
  }

  async stop(): Promise<void> {}

  async post(_channel: ChannelRef, card: Card): Promise<PostedMessage> {
    const messageId = String(this.nextMessageId++);
    this.show(card, `— message ${messageId}`);
    return { messageId };
  }

  async update(_channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    this.show(card, `— message ${messageId} (mis à jour / updated)`);
  }

  async sendDirect(user: UserRef, card: Card): Promise<void> {
    this.show(card, `— ✉ ${user.displayName}`);
  }
}
