/**
 * A fake Socket Mode backend: a WebSocket server on 127.0.0.1 speaking Slack's envelope protocol
 * (hello → envelopes → acks). Started with a FakeSlackWebApi, it makes that fake's
 * apps.connections.open hand out this server's ws:// URL, as Slack does with wss://wss-primary…
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import type { FakeSlackWebApi } from './slack-web-api.ts';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

export interface SendOptions {
  envelopeId?: string;
  /** Slack sets it for slash commands and view submissions: the ack payload becomes the response. */
  acceptsResponsePayload?: boolean;
  /** events_api redelivery: Bolt exposes these as context.retryNum / context.retryReason. */
  retryAttempt?: number;
  retryReason?: string;
}

export class FakeSocketModeServer {
  readonly acks: Ack[] = [];
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();

  private constructor(private readonly wss: WebSocketServer, readonly url: string) {
    wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => {
        this.sockets.delete(ws);
        this.events.emit('change');
      });
      ws.on('message', (data) => this.onMessage(String(data)));
      ws.send(JSON.stringify({
        type: 'hello', num_connections: this.sockets.size,
        debug_info: { host: 'applink-fake', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0FAKE' },
      }));
      this.events.emit('change');
    });
  }

  static async start(api?: FakeSlackWebApi): Promise<FakeSocketModeServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const { port } = wss.address() as AddressInfo;
    const server = new FakeSocketModeServer(wss, `ws://127.0.0.1:${port}/link/?ticket=${randomUUID()}`);
    if (api) api.socketUrl = server.url;
    return server;
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Resolves once at least `count` clients are connected (and were sent hello). */
  waitForConnection(count = 1, timeoutMs = 3000): Promise<void> {
    return this.waitUntil(() => this.sockets.size >= count, timeoutMs, `${count} connection(s)`).then(() => undefined);
  }

  /** Sends an envelope to every connected client; returns its envelope_id. */
  send(type: EnvelopeType, payload: Record<string, any>, opts: SendOptions = {}): string {
    const envelopeId = opts.envelopeId ?? randomUUID();
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId, type, payload,
      accepts_response_payload: opts.acceptsResponsePayload ?? type !== 'events_api',
    };
    if (type === 'events_api') {
      envelope.retry_attempt = opts.retryAttempt ?? 0;
      envelope.retry_reason = opts.retryReason ?? '';
    }
    if (this.sockets.size === 0) throw new Error('fake Socket Mode: no client connected');
    for (const ws of this.sockets) ws.send(JSON.stringify(envelope));
    return envelopeId;
  }

  /** Asks clients to reconnect, as Slack does before recycling a connection. */
  requestDisconnect(reason = 'refresh_requested'): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'disconnect', reason }));
  }

  waitForAck(envelopeId: string, timeoutMs = 3000): Promise<Ack> {
    return this.waitUntil(() => this.acks.find((a) => a.envelope_id === envelopeId), timeoutMs, `ack of ${envelopeId}`);
  }

  /**
   * Waits for clients to disconnect (stop the app first), then stops listening. Clients still
   * connected after `graceMs` are terminated so a broken test cannot hang the suite.
   */
  async close(graceMs = 3000): Promise<void> {
    await this.waitUntil(() => this.sockets.size === 0, graceMs, 'clients to disconnect').catch(() => {
      for (const ws of this.sockets) ws.terminate();
    });
    await new Promise<void>((resolve, reject) => this.wss.close((err) => (err ? reject(err) : resolve())));
  }

  private onMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message && typeof message === 'object' && 'envelope_id' in message) {
      this.acks.push(message as Ack);
      this.events.emit('change');
    }
  }

  private waitUntil<T>(find: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined || found === false) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Socket Mode: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('change', check);
      };
      this.events.on('change', check);
      check();
    });
  }
}
