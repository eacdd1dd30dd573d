import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where a part serves HTTP on the shared PORT (Slack's /slack/events beside the web pages). */
export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface HttpMounts {
  mount(pathPrefix: string, handler: HttpHandler): void;
}
