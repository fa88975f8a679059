import type { RankedObjective } from '../classify/tfidf.ts';
import type { PassageLanguage } from '../ingest/types.ts';
import type { ActionActor } from './responsibility.ts';

/** An action found in a document: the `extract-actions` record of DESIGN §5. */
export interface ExtractedAction {
  title: string;
  text: string;
  /** The responsibility cell as found (after repairing text that bled across cells). */
  responsible: string;
  actors: ActionActor[];
  /** The timing cell as found (after the same repair). */
  timing: string;
  start: number | null;
  end: number | null;
  recurring: boolean;
  section: string | null;
  line: number;
  source: 'table' | 'text';
  confidence: number;
  language: PassageLanguage;
  objectives: RankedObjective[];
  /** Ordinals of the passages the action was built from (row, continuations). */
  passages: number[];
  /** The raw cells of a table row, before any repair. */
  cells?: string[];
  /** What the extractor repaired or assumed, for reviewers. */
  notes: string[];
}
