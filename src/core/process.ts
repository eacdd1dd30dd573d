import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** This process, as written in the claims it holds (claimedBy): enough for an operator to find it. */
export const processOwner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
