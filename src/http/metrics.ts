import type { HttpMounts } from '../core/http.ts';
import { checkAccess } from '../web/access.ts';

/** What serves the exposition text (src/ops/prometheus.ts). */
export interface Scrapable {
  scrape(): Promise<string>;
  readonly contentType: string;
}

/**
 * GET /metrics in Prometheus's text format. With RELAIS_METRICS_TOKEN set, the scraper sends it as
 * "Authorization: Bearer <token>" (Prometheus's `authorization` setting) or `?token=`.
 */
export function mountMetrics(http: HttpMounts, metrics: Scrapable, token: string | undefined): void {
  http.mount('/metrics', (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (checkAccess(request, new URL(request.url ?? '/', 'http://relais'), token) === 'refused') {
      response.writeHead(401, { 'www-authenticate': 'Bearer realm="relais-metrics"', 'content-type': 'text/plain; charset=utf-8' }).end('RELAIS_METRICS_TOKEN required\n');
      return;
    }
    metrics.scrape().then(
      (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(request.method === 'HEAD' ? undefined : text),
      () => response.writeHead(500).end(),
    );
  });
}
