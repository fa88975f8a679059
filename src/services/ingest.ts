import { createHash } from 'node:crypto';
import { defaultClassifier, meanProfile } from '../classify/classifier.ts';
import type { RankedObjective } from '../classify/tfidf.ts';
import type { Database } from '../db/connection.ts';
import { type AuditActor, audit } from '../db/repositories/audit.ts';
import {
  type DocumentType,
  findDocumentByHash,
  insertAction,
  insertDocument,
  insertPassages,
  insertPlan,
  insertSuggestions,
  linkActionActor,
  type SuggestedLink,
  upsertActor,
} from '../db/repositories/documents.ts';
import { AppError } from '../errors.ts';
import { loadRegistry } from '../extract/actors.ts';
import { extractActions } from '../extract/extract.ts';
import type { Language } from '../framework/schema.ts';
import { DEFAULT_LIMITS, type ReadLimits } from '../ingest/limits.ts';
import { parseDocument } from '../ingest/parse.ts';
import { failpoint } from './failpoint.ts';

export interface IngestInput {
  bytes: Uint8Array;
  filename: string;
  type?: DocumentType;
  country?: string;
  title?: string;
  by: AuditActor;
  limits?: ReadLimits;
  /** Marks sample data, so the portal can say so. */
  sample?: boolean;
}

export interface IngestResult {
  documentId: number;
  /** False when the same bytes were imported before: nothing was written. */
  created: boolean;
  title: string;
  language: string;
  passages: number;
  actions: number;
  suggestions: number;
}

/** Calibrated score from which an objective is suggested for review (at most three per item). */
const MIN_SCORE = 0.3;
const LINKED_KINDS = new Set(['paragraph', 'list_item', 'table_row']);

type LinkTarget = { passageId: number } | { actionId: number };

/** The top ranked objectives worth suggesting, as links with their evidence. */
function toLinks(ranked: RankedObjective[], target: LinkTarget, modelVersion: string): SuggestedLink[] {
  return ranked
    .slice(0, 3)
    .filter((r) => r.score >= MIN_SCORE)
    .map((r) => ({
      ...target,
      objective: r.objective,
      letter: r.action ? (/\(([a-z])\)/.exec(r.action)?.[1] ?? null) : null,
      score: Math.min(1, r.score),
      modelVersion,
      evidence: { terms: r.evidence, nearestAction: r.action ?? null },
    }));
}

function years(text: string): number[] {
  return [...text.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
}

/** The answer for a file that was imported before: nothing was written. */
function unchanged(doc: { id: number; title: string; language: string }): IngestResult {
  return {
    documentId: doc.id,
    created: false,
    title: doc.title,
    language: doc.language,
    passages: 0,
    actions: 0,
    suggestions: 0,
  };
}

/**
 * Imports one file: parse and extract outside the database (pure), then store the document, its
 * passages, plan, actions, actors and suggested objective links in ONE transaction, so a failure
 * leaves nothing behind. Idempotent by content hash.
 */
export async function ingestDocument(db: Database, input: IngestInput): Promise<IngestResult> {
  const hash = createHash('sha256').update(input.bytes).digest('hex');
  const existing = await findDocumentByHash(db, hash);
  if (existing) {
    return unchanged(existing);
  }
  const parsed = await parseDocument(input.bytes, input.filename, input.limits ?? DEFAULT_LIMITS);
  if (parsed.passages.length === 0) {
    throw new AppError('corrupt_input', `${input.filename || 'the file'} contains no text`, {
      hint: 'a scanned PDF needs OCR first',
    });
  }
  const type = input.type ?? 'other';
  const registry = loadRegistry('BE');
  const country = input.country?.toUpperCase() ?? null;
  const title = input.title ?? parsed.title;
  const docLang: Language = parsed.language === 'und' ? 'en' : parsed.language;
  // Classify every linkable passage once: their suggestions, and their mean as the document
  // profile that ranks the actions.
  const classifier = defaultClassifier();
  const classified = parsed.passages
    .filter((p) => LINKED_KINDS.has(p.kind) && p.text.length >= 40)
    .map((p) => ({
      ordinal: p.ordinal,
      ranked: classifier.classify(p.text, { lang: p.language === 'und' ? docLang : p.language }).objectives,
    }));
  const profile = meanProfile(
    classified.map((c) => c.ranked),
    classifier.objectiveCount,
  );
  const actions = extractActions(parsed, {
    registry,
    classifier,
    profile,
    includeText: type === 'action_plan',
  });

  try {
    return await db.transaction(async (tx) => {
      const documentId = await insertDocument(tx, {
        title,
        type,
        country,
        language: parsed.language,
        source_hash: hash,
        filename: input.filename || null,
        media_type: parsed.format,
        size_bytes: input.bytes.length,
        provenance: {
          format: parsed.format,
          importedBy: input.by.label,
          ...(input.sample ? { sample: true } : {}),
        },
        created_by: input.by.userId,
      });
      const passageIds = await insertPassages(tx, documentId, parsed.passages);
      failpoint('ingest:after-passages');
      const planYears = years(title);
      const planId =
        type === 'action_plan'
          ? await insertPlan(tx, {
              title,
              country,
              documentId,
              start: planYears.length ? Math.min(...planYears) : null,
              end: planYears.length ? Math.max(...planYears) : null,
            })
          : null;
      const links: SuggestedLink[] = [];
      for (const c of classified) {
        const id = passageIds.get(c.ordinal);
        if (id) links.push(...toLinks(c.ranked, { passageId: id }, classifier.version));
      }
      for (const a of actions) {
        const actionId = await insertAction(tx, a, {
          planId,
          documentId,
          passageId: passageIds.get(a.passages[0] ?? -1) ?? null,
        });
        for (const actor of a.actors) {
          const actorId = await upsertActor(tx, { ...actor, country: country ?? registry.country });
          await linkActionActor(tx, { actionId, actorId, role: actor.role, raw: actor.raw });
        }
        links.push(...toLinks(a.objectives, { actionId }, classifier.version));
      }
      await insertSuggestions(tx, links);
      await audit(tx, input.by, {
        action: 'document.import',
        entity: 'document',
        entityId: documentId,
        after: { title, type, country, hash, passages: parsed.passages.length, actions: actions.length },
      });
      return {
        documentId,
        created: true,
        title,
        language: parsed.language,
        passages: parsed.passages.length,
        actions: actions.length,
        suggestions: links.length,
      };
    });
  } catch (err) {
    // Two imports of the same file at once: the loser finds the winner's document.
    const again = await findDocumentByHash(db, hash);
    if (again) {
      return unchanged(again);
    }
    throw err;
  }
}
