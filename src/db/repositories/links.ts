import type { TrainingExample } from '../../classify/model.ts';
import { LANGUAGES, type Language } from '../../framework/schema.ts';
import type { Queryable } from '../connection.ts';

/** Human-confirmed objective links as training examples (passage or action text, its language). */
export async function confirmedExamples(db: Queryable): Promise<TrainingExample[]> {
  const rows = await db.query<{ objective: number; text: string; language: string }>(
    `SELECT l.objective, COALESCE(p.text, a.title || ' ' || a.text) AS text, COALESCE(p.language, a.language) AS language
     FROM objective_link l
     LEFT JOIN passage p ON p.id = l.passage_id
     LEFT JOIN action a ON a.id = l.action_id
     WHERE l.state = 'confirmed' AND l.framework_id = 'gcm'
     ORDER BY l.id`,
  );
  return rows.map((r) => ({
    objective: r.objective,
    text: r.text,
    lang: ((LANGUAGES as readonly string[]).includes(r.language) ? r.language : 'en') as Language,
    weight: 2,
  }));
}
