import type { Db, Engine } from '../db/client.ts';
import type { HttpHost } from './host.ts';

/** GET /healthz: 200 when the database answers, 503 otherwise (for load balancers and supervisors). */
export function mountHealth(http: HttpHost, services: { db: Db; engine: Engine }): void {
  http.mount('/healthz', (_request, response) => {
    services.db.$queryRaw`SELECT 1`.then(
      () => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', database: services.engine })),
      () => response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'unavailable', database: services.engine })),
    );
  });
}
