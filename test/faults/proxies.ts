/**
 * Faults put between Relais and what it talks to, without touching either: a TCP proxy that can
 * cut the database away (refused connections, reset sockets) and an HTTP proxy that answers
 * chosen requests with errors, or forwards them and withholds the answer (a process that dies
 * after the platform got its message but before it heard back).
 */
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Closes the port and resets every open connection: what a crashed or unreachable server looks like. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => (server.listening ? resolve() : server.listen(port, '127.0.0.1', resolve)));
  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  const cut = async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.resetAndDestroy();
    });
  };
  return { port, cut, restore: () => listen(port), close: cut };
}

export interface HttpRule {
  /** e.g. "PUT /_matrix/client/v3/rooms/…/send/…" or "POST /api/chat.postMessage". */
  match: (line: string) => boolean;
  times: number;
  /** An error status to answer instead of forwarding; or 'withhold': forward, then never answer. */
  answer: number | 'withhold';
}

export interface HttpFaults {
  url: string;
  /** Requests seen, "METHOD /path", in order. */
  seen: string[];
  add(rule: HttpRule): void;
  /** Resolves when a request matching `match` has been forwarded and its answer withheld. */
  withheld(match: (line: string) => boolean): Promise<void>;
  close(): Promise<void>;
}

const body = (request: IncomingMessage) => new Promise<Buffer>((resolve, reject) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => resolve(Buffer.concat(chunks)));
  request.on('error', reject);
});

export async function httpFaults(target: string): Promise<HttpFaults> {
  const origin = new URL(target);
  const rules: HttpRule[] = [];
  const seen: string[] = [];
  const withheldLines: string[] = [];
  const waiters = new Set<() => void>();
  const forward = async (request: IncomingMessage, response: ServerResponse | undefined, line: string) => {
    const payload = await body(request);
    const upstream = httpRequest({ host: origin.hostname, port: origin.port, method: request.method, path: request.url, headers: { ...request.headers, host: origin.host } }, (answer) => {
      if (!response) {
        answer.resume();
        withheldLines.push(line);
        for (const wake of waiters) wake();
        return;
      }
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response?.writeHead(502).end());
    upstream.end(payload);
  };
  const server = createHttpServer((request, response) => {
    const line = `${request.method} ${new URL(request.url ?? '/', target).pathname}`;
    seen.push(line);
    const rule = rules.find((candidate) => candidate.times > 0 && candidate.match(line));
    if (rule) rule.times -= 1;
    if (rule?.answer === 'withhold') return void forward(request, undefined, line);
    if (typeof rule?.answer === 'number') {
      request.resume();
      response.writeHead(rule.answer, { 'content-type': 'text/html' }).end(`<html><body>${rule.answer}</body></html>`);
      return;
    }
    void forward(request, response, line);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    add: (rule) => rules.push(rule),
    withheld: (match) => new Promise<void>((resolve) => {
      const check = () => {
        if (!withheldLines.some(match)) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
