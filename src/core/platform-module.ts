import type { z } from 'zod';
import type { ChatAdapter } from './adapter.ts';
import type { Check } from './check.ts';
import type { ConfigPart } from './config-part.ts';
import type { HttpMounts } from './http.ts';
import type { Logger } from './logger.ts';
import type { ChannelRef, PersonRef, UserRef } from './platform.ts';
import type { Declarations, RelaisPort } from './port.ts';
import type { KeyValueStore, Lease } from './state.ts';

/** A catalog of strings: templates with {placeholders}, or plural variants chosen by `count`. */
export type Message = string | { one: string; other: string };
export interface Catalog { [key: string]: Message | Catalog }

export interface AdapterDeps<Config> {
  port: RelaisPort;
  /** The validated configuration of this platform (its own variables). */
  config: Config;
  logger: Logger;
  http: HttpMounts;
  /** This platform's own durable state. */
  state: KeyValueStore;
  /** A lease of this platform's, shared by every process on the database (one sync loop per account). */
  lease(name: string, ttlMs: number): Lease;
  /** What the caller of buildRelais handed this platform (the console's streams in tests). */
  options?: unknown;
}

/**
 * What each adapters/<name>/index.ts exports: everything the core needs to know about a platform,
 * so that adding one touches nothing in src/.
 */
export interface PlatformModule<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  /** How people start a command there ("/" for slash commands, "!" on Matrix): usage lines and hints are written with it. */
  commandPrefix: string;
  config: ConfigPart & { shape: Shape };
  /** Whether the validated configuration asks for this platform. */
  configured(config: z.infer<z.ZodObject<Shape>>): boolean;
  /** Served when no other platform is configured (the console chat). */
  fallback?: boolean;
  /** Administrators this configuration names, as `platform:userId` (the console's local user). */
  admins?(config: z.infer<z.ZodObject<Shape>>): string[];
  /** Its own strings, French and English, with the same keys; read back with port.translate(locale, 'platforms.<name>.…'). */
  strings: { fr: Catalog; en: Catalog };
  /** Who a piece of command text names on this platform (a mention, a user id), or undefined. */
  parseMention(text: string, where: ChannelRef): PersonRef | undefined;
  /** Files generated from the declarations (Slack's app manifest), paths from the project's root: `relais generate` writes them. */
  artifacts?(declarations: Declarations): Array<{ path: string; content: string }>;
  /** Erases what this platform's state keeps about a person (forget-me). */
  forget?(state: KeyValueStore, user: UserRef): Promise<void>;
  create(deps: AdapterDeps<z.infer<z.ZodObject<Shape>>>): Promise<ChatAdapter>;
  /** `relais doctor`, when configured: whether the platform accepts this configuration (tokens, rights), without starting anything. */
  doctor?(config: z.infer<z.ZodObject<Shape>>): Promise<Check[]>;
}

/** Keeps a module's config type tied to its schema. */
export const definePlatform = <Shape extends z.ZodRawShape>(module: PlatformModule<Shape>): PlatformModule<Shape> => module;
