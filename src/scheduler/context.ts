import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../services.ts';
import { defaultClaimTiming, type ClaimTiming } from './claim.ts';

/** What a delivery needs: the services, who claims (this process), and the lease timing. */
export interface DeliveryContext {
  services: Services;
  owner: string;
  timing: ClaimTiming;
}

/** This process, as written in claimedBy: enough for an operator to find it. */
export const processOwner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export const deliveryContext = (services: Services, owner = processOwner, timing = defaultClaimTiming): DeliveryContext => ({ services, owner, timing });

export const graceMs = (services: Services) => services.config.RELAIS_CATCHUP_HOURS * 3_600_000;
