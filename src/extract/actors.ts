import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The actor registry: responsible bodies with aliases in four languages and their level of
 * government. Matching is on whole words, longest alias first, insensitive to case, accents and
 * punctuation, so `Com. Ger.`, `FOD Justitie` and `SPF Justice` each find their body.
 */

export const ACTOR_LEVELS = [
  'international',
  'eu',
  'federal',
  'regional',
  'community',
  'local',
  'independent',
  'civil_society',
  'private',
  'unknown',
] as const;
export type ActorLevel = (typeof ACTOR_LEVELS)[number];

const registrySchema = z.object({
  country: z.string().length(2),
  source: z.string(),
  actors: z.array(
    z.object({
      name: z.string().min(1),
      level: z.enum(ACTOR_LEVELS),
      parent: z.string().optional(),
      aliases: z.array(z.string().min(1)),
    }),
  ),
});

export interface RegistryActor {
  name: string;
  level: ActorLevel;
  parent?: string;
  aliases: string[];
}

export interface ActorRegistry {
  country: string;
  actors: RegistryActor[];
  /** Folded alias (single-spaced) → actor, for exact lookups. */
  byAlias: Map<string, RegistryActor>;
  /** Alias matchers, longest first; `tokens` lets a search skip aliases whose words are absent. */
  matchers: { actor: RegistryActor; re: RegExp; length: number; tokens: string[] }[];
}

/** Length-preserving fold: lower case, accents off, punctuation to spaces (keeps indexes valid). */
export function fold(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an ASCII range test, on purpose
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase().replace(/[^a-z0-9]/g, ' ');
  let out = '';
  for (const ch of s) {
    const base = ch.normalize('NFD')[0] ?? ch;
    const c = /[\p{L}\p{N}]/u.test(base) ? base.toLowerCase() : ' ';
    out += c.length === ch.length ? c : c.padEnd(ch.length, ' ');
  }
  return out;
}

function aliasPattern(alias: string): RegExp {
  const words = fold(alias)
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
}

export function buildRegistry(data: unknown): ActorRegistry {
  const parsed = registrySchema.parse(data);
  const actors: RegistryActor[] = parsed.actors.map((a) => ({
    name: a.name,
    level: a.level,
    ...(a.parent ? { parent: a.parent } : {}),
    aliases: [...new Set([a.name, ...a.aliases])],
  }));
  const matchers = actors
    .flatMap((actor) =>
      actor.aliases.map((alias) => ({
        actor,
        re: aliasPattern(alias),
        length: fold(alias).trim().length,
        tokens: fold(alias).trim().split(/\s+/),
      })),
    )
    .sort((a, b) => b.length - a.length);
  const byAlias = new Map<string, RegistryActor>();
  for (const actor of actors) for (const alias of actor.aliases) byAlias.set(foldKey(alias), actor);
  return { country: parsed.country, actors, matchers, byAlias };
}

const registries = new Map<string, ActorRegistry>();

/** The shipped registry for a country (Belgium for now). */
export function loadRegistry(country = 'BE'): ActorRegistry {
  const key = country.toUpperCase();
  let reg = registries.get(key);
  if (!reg) {
    const file = join(import.meta.dirname, 'data', `actors.${key.toLowerCase()}.json`);
    reg = buildRegistry(JSON.parse(readFileSync(file, 'utf8')));
    registries.set(key, reg);
  }
  return reg;
}

export interface ActorMatch {
  actor: RegistryActor;
  start: number;
  end: number;
}

/** Every known actor named in `text`, non-overlapping, in reading order. */
export function findActors(text: string, registry: ActorRegistry): ActorMatch[] {
  const folded = fold(text);
  const words = new Set(folded.split(/\s+/));
  const taken: [number, number][] = [];
  const found: ActorMatch[] = [];
  for (const m of registry.matchers) {
    if (!m.tokens.every((t) => words.has(t))) continue;
    m.re.lastIndex = 0;
    for (const hit of folded.matchAll(m.re)) {
      const start = hit.index ?? 0;
      const end = start + hit[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      found.push({ actor: m.actor, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The registry actor whose name or alias is exactly `name` (ignoring case and punctuation). */
export function lookupActor(name: string, registry: ActorRegistry): RegistryActor | undefined {
  return registry.byAlias.get(foldKey(name));
}

function foldKey(s: string): string {
  return fold(s).replace(/\s+/g, ' ').trim();
}
