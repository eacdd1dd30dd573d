import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, SendOptions } from '../../src/core/adapter.ts';
import type { Card, CardButton, Reply } from '../../src/core/card.ts';
import type { Gesture } from '../../src/core/gesture.ts';
import type { ChannelRef, PostedMessage, UserRef } from '../../src/core/platform.ts';
import type { RelaisPort } from '../../src/core/port.ts';
import { renderCard } from './render.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  userName: string;
}

/** The console's one channel. */
export const consoleChannel: ChannelRef = { platform: 'console', workspace: 'local', externalId: 'console', name: 'console', private: false };

/**
 * Relais in a terminal: one local channel, one local user. Lines starting with "/" are commands;
 * a number presses that button of the last cards shown. Reads a pipe to its end, then stops, so
 * it can be scripted: printf '/tip add …\n' | npm start
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console';
  /** One person at one terminal. */
  readonly privateReplies = true;
  private readonly user: UserRef;
  /** Delivery keys are unique across runs on one database. */
  private readonly run = randomUUID();
  private lines = 0;
  private choices: CardButton[] = [];
  private nextMessageId = 1;

  constructor(private readonly port: RelaisPort, private readonly options: ConsoleOptions) {
    this.user = { platform: 'console', workspace: 'local', externalId: options.userName, displayName: options.userName };
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

  /** Reads lines until the input ends; each line's answers are printed before the next is read. */
  async runUntilDone(): Promise<void> {
    const interactive = (this.options.input as { isTTY?: boolean }).isTTY === true;
    if (interactive) this.print('Relais — console. /relais help pour l’aide, /relais help for help. Ctrl-D pour quitter / to quit.\n');
    const lines = createInterface({ input: this.options.input, terminal: false });
    for await (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      if (!interactive) this.print(`> ${line}`);
      await this.handle(line);
    }
    await this.port.drain();
  }

  private async handle(line: string): Promise<void> {
    const base = { deliveryKey: `${this.run}:${++this.lines}`, channel: consoleChannel, user: this.user, replyTo: {} };
    let gesture: Gesture;
    if (/^\d+$/.test(line)) {
      const button = this.choices[Number(line) - 1];
      if (!button) return this.print(`(no choice ${line})\n`);
      gesture = { ...base, kind: 'action', actionId: button.actionId, value: button.value };
    } else {
      const command = /^[/!](\S+)\s*([\s\S]*)$/.exec(line);
      if (!command) return this.print('(commands start with /, e.g. /relais help)\n');
      gesture = { ...base, kind: 'command', command: command[1]!.toLowerCase(), text: command[2] ?? '' };
    }
    const receipt = await this.port.handle(gesture);
    if (receipt === 'unavailable') return this.show(this.port.unavailableCard());
    await this.port.drain();
  }

  async stop(): Promise<void> {}

  async post(_channel: ChannelRef, card: Card, _options: SendOptions): Promise<PostedMessage> {
    const messageId = String(this.nextMessageId++);
    this.show(card, `— message ${messageId}`);
    return { messageId };
  }

  async update(_channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    this.show(card, `— message ${messageId} (mis à jour / updated)`);
  }

  async reply(_to: unknown, reply: Reply): Promise<void> {
    this.show(reply.card);
  }

  async sendDirect(user: UserRef, card: Card): Promise<void> {
    this.show(card, `— ✉ ${user.displayName}`);
  }
}
