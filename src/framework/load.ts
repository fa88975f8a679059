import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import {
  type Framework,
  type FrameworkText,
  frameworkTextSchema,
  type GuidingPrinciple,
  LANGUAGES,
  type Language,
  type Localized,
  manifestSchema,
  type Objective,
  principlesSchema,
} from './schema.ts';

const DATA_DIR = join(import.meta.dirname, 'data');

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new AppError('framework_invalid', `cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('framework_invalid', `${path} does not match the framework schema`, {
      hint: parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    });
  }
  return parsed.data;
}

/** Ids of the frameworks shipped as data folders (e.g. `gcm`). */
export function listFrameworks(dataDir = DATA_DIR): string[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function mergeObjectives(texts: Partial<Record<Language, FrameworkText>>, id: string): Objective[] {
  const en = texts.en;
  if (!en) throw new AppError('framework_invalid', `framework ${id} has no English text`);
  return en.objectives.map((base) => {
    const title: Localized = { en: base.title };
    const commitment: Localized = { en: base.commitment ?? '' };
    const actionTexts = new Map<string, Localized>(
      (base.actions ?? []).map((a) => [a.letter, { en: a.text }]),
    );
    for (const lang of LANGUAGES) {
      const other = lang === 'en' ? undefined : texts[lang]?.objectives.find((o) => o.number === base.number);
      if (!other) continue;
      title[lang] = other.title;
      if (other.commitment) commitment[lang] = other.commitment;
      for (const a of other.actions ?? []) {
        const t = actionTexts.get(a.letter);
        if (t) t[lang] = a.text;
      }
    }
    return {
      number: base.number,
      title,
      commitment,
      actions: [...actionTexts].map(([letter, text]) => ({
        objective: base.number,
        letter,
        ref: `${base.number}(${letter})`,
        text,
      })),
    };
  });
}

const cache = new Map<string, Framework>();

/** Loads and validates a framework folder, merging its language files. Cached per id. */
export function loadFramework(id = 'gcm', dataDir = DATA_DIR): Framework {
  const key = `${dataDir}:${id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!listFrameworks(dataDir).includes(id)) {
    throw new AppError('not_found', `unknown framework ${id}`, {
      hint: `known: ${listFrameworks(dataDir).join(', ')}`,
    });
  }
  const dir = join(dataDir, id);
  const manifest = readJson(join(dir, 'framework.json'), manifestSchema);
  const texts: Partial<Record<Language, FrameworkText>> = {};
  const notes: Partial<Record<Language, string[]>> = {};
  for (const [lang, file] of Object.entries(manifest.texts) as [Language, string][]) {
    const text = readJson(join(dir, file), frameworkTextSchema);
    if (text.language !== lang) {
      throw new AppError(
        'framework_invalid',
        `${file} declares language ${text.language}, manifest says ${lang}`,
      );
    }
    texts[lang] = text;
    if (text.notes?.length) notes[lang] = text.notes;
  }
  const principles: GuidingPrinciple[] = manifest.principles
    ? readJson(join(dir, manifest.principles), principlesSchema).principles.map((p) => ({
        key: p.key,
        title: { ...p.title, en: p.title.en ?? p.key },
        summary: p.summary,
      }))
    : [];
  const framework: Framework = {
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    objectiveLabel: { ...manifest.objectiveLabel, en: manifest.objectiveLabel.en ?? 'Objective' },
    languages: Object.keys(texts) as Language[],
    objectives: mergeObjectives(texts, id),
    principles,
    notes,
  };
  cache.set(key, framework);
  return framework;
}

/** Text in the wanted language, falling back to English. */
export function localize(text: Localized, lang: Language): string {
  return text[lang] ?? text.en;
}

/** Finds one objective by number or throws a not_found error. */
export function getObjective(framework: Framework, n: number): Objective {
  const o = framework.objectives.find((x) => x.number === n);
  if (!o) {
    throw new AppError('not_found', `objective ${n} does not exist`, {
      hint: `${framework.id} has objectives 1-${framework.objectives.length}`,
    });
  }
  return o;
}
