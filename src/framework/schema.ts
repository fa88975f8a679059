import { z } from 'zod';

/** Languages the product ships interface strings and analysers for. */
export const LANGUAGES = ['en', 'nl', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const languageSchema = z.enum(LANGUAGES);

/** One language's text of a framework: objectives with (optionally) commitment and lettered actions. */
export const frameworkTextSchema = z.object({
  language: languageSchema,
  source: z.string().min(1),
  objectives: z
    .array(
      z.object({
        number: z.number().int().positive(),
        title: z.string().min(1),
        commitment: z.string().min(1).optional(),
        actions: z
          .array(z.object({ letter: z.string().regex(/^[a-z]$/), text: z.string().min(1) }))
          .optional(),
      }),
    )
    .min(1),
  /** Free-form notes from an importer, e.g. actions it could not recover. */
  notes: z.array(z.string()).optional(),
});
export type FrameworkText = z.infer<typeof frameworkTextSchema>;

export const principlesSchema = z.object({
  source: z.string(),
  principles: z.array(
    z.object({
      key: z.string().regex(/^[a-z_]+$/),
      title: z.record(languageSchema, z.string()),
      summary: z.string(),
    }),
  ),
});

/** The manifest of one framework folder: which file holds which language. */
export const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]+$/),
  title: z.string(),
  version: z.string(),
  adopted: z.string().optional(),
  objectiveLabel: z.record(languageSchema, z.string()),
  texts: z.record(languageSchema, z.string()),
  principles: z.string().optional(),
});

/** Text in several languages; English is always present for framework data. */
export type Localized = Partial<Record<Language, string>> & { en: string };

export interface FrameworkAction {
  objective: number;
  letter: string;
  /** `10(h)`: the citation form used in evidence and reports. */
  ref: string;
  text: Localized;
}

export interface Objective {
  number: number;
  title: Localized;
  commitment: Localized;
  actions: FrameworkAction[];
}

export interface GuidingPrinciple {
  key: string;
  title: Localized;
  summary: string;
}

/** A whole framework, merged across languages. */
export interface Framework {
  id: string;
  title: string;
  version: string;
  objectiveLabel: Localized;
  languages: Language[];
  objectives: Objective[];
  principles: GuidingPrinciple[];
  /** Notes per language from the data files (e.g. unrecovered actions). */
  notes: Partial<Record<Language, string[]>>;
}
