import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpHandler, HttpMounts } from '../core/http.ts';

/**
 * One HTTP server on PORT shared by every part that speaks HTTP (Slack's /slack/events, the web
 * pages, /healthz): each mounts a path prefix; the longest matching prefix answers.
 */
export class HttpHost implements HttpMounts {
  private readonly routes: { prefix: string; handler: HttpHandler }[] = [];
  private server: Server | undefined;

  mount(prefix: string, handler: HttpHandler): void {
    this.routes.push({ prefix, handler });
    this.routes.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  get mounted(): boolean {
    return this.routes.length > 0;
  }

  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const route = this.routes.find(({ prefix }) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || prefix === '/');
      if (route) return route.handler(request, response);
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
