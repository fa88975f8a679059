import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Framework, Language } from '../framework/schema.ts';

/**
 * Working glosses of the GCM's lettered actions in languages whose official text the framework data
 * lacks (French and German): key phrases per action, written by the project for classification
 * only. They give the model and the framework similarity something to compare French and German
 * passages with, so those passages get a nearest action too. They are never shown as GCM text.
 */

const glossSchema = z.object({
  language: z.enum(['fr', 'de']),
  note: z.string(),
  actions: z.record(z.string().regex(/^\d+\([a-z]\)$/), z.string().min(1)),
});

const GLOSSED: Language[] = ['fr', 'de'];

function loadGlosses(lang: Language): Record<string, string> {
  const file = join(import.meta.dirname, 'glosses', `${lang}.json`);
  return glossSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).actions;
}

/** The framework with glosses filled in wherever an action has no text in a glossed language. */
export function withGlosses(framework: Framework): Framework {
  const glosses = GLOSSED.map((lang) => [lang, loadGlosses(lang)] as const);
  return {
    ...framework,
    objectives: framework.objectives.map((o) => ({
      ...o,
      actions: o.actions.map((a) => {
        const text = { ...a.text };
        for (const [lang, byRef] of glosses) {
          const gloss = byRef[a.ref];
          if (!text[lang] && gloss) text[lang] = gloss;
        }
        return { ...a, text };
      }),
    })),
  };
}
