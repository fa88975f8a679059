import { type Classifier, defaultClassifier } from '../classify/classifier.ts';
import type { Language } from '../framework/schema.ts';
import type { ParsedDocument, Passage } from '../ingest/types.ts';
import { type ActorRegistry, loadRegistry } from './actors.ts';
import { findCandidateSentences } from './candidates.ts';
import { parseResponsibility } from './responsibility.ts';
import { findTableRows } from './tables.ts';
import { parseTiming } from './timing.ts';
import type { ExtractedAction } from './types.ts';

export interface ExtractOptions {
  registry?: ActorRegistry;
  classifier?: Classifier;
  /** The document's objective profile when the caller has classified its passages already. */
  profile?: number[];
  /** Also return "will" commitments from running text (source "text"). Default true. */
  includeText?: boolean;
}

const TITLE_MAX = 140;

/** A short title: the first line, cut at a sentence end or word boundary. */
export function titleOf(text: string): string {
  const first = (text.split('\n')[0] ?? '').replace(/[\s:;]+$/, '').trim();
  if (first.length <= TITLE_MAX) return first;
  const sentence = /^.{20,140}?[.!?](?=\s|$)/.exec(first)?.[0];
  if (sentence) return sentence;
  return `${first.slice(0, TITLE_MAX).replace(/\s+\S*$/, '')}…`;
}

/**
 * Ranks an action's objectives from its own text, its section heading and the document's profile,
 * so "Adapt the sheet for duty magistrates" in a trafficking plan leans towards objective 10.
 */
function rankerFor(doc: ParsedDocument, classifier: Classifier, known?: number[]) {
  let profile = known;
  return (text: string, section: string | null, lang: Language) => {
    profile ??= classifier.profile(
      doc.passages
        .filter((p) => p.kind === 'paragraph' || p.kind === 'list_item' || p.kind === 'table_row')
        .map((p) => ({ text: p.text, ...(p.language !== 'und' ? { lang: p.language } : {}) })),
    );
    return classifier.classify(text, { lang, context: { section, profile } }).objectives.slice(0, 5);
  };
}

function sectionOf(p: Passage | undefined): string | null {
  return p?.sectionPath.at(-1) ?? null;
}

function languageOf(p: Passage | undefined, doc: ParsedDocument): Language {
  const lang = p?.language !== 'und' ? p?.language : doc.language;
  return lang && lang !== 'und' ? lang : 'en';
}

/** Every action row of a parsed document: table rows first, then commitments in running text. */
export function extractActions(doc: ParsedDocument, opts: ExtractOptions = {}): ExtractedAction[] {
  const registry = opts.registry ?? loadRegistry('BE');
  const objectivesFor = rankerFor(doc, opts.classifier ?? defaultClassifier(), opts.profile);
  const byOrdinal = new Map(doc.passages.map((p) => [p.ordinal, p]));
  const actions: ExtractedAction[] = [];

  for (const row of findTableRows(doc.passages, registry)) {
    const passage = byOrdinal.get(row.passages[0] ?? -1);
    const timing = parseTiming(row.when);
    const actors = parseResponsibility(row.who, registry);
    const notes = [...row.notes];
    let confidence = 0.95;
    if (row.inherited) confidence -= 0.15;
    if (timing.start === null && timing.end === null && !timing.recurring) {
      confidence -= 0.15;
      notes.push('no year in the timing cell');
    }
    if (actors.length === 0) confidence -= 0.2;
    if (actors.some((a) => !a.known)) notes.push('unknown actor names kept for review');
    const section = sectionOf(passage);
    const lang = languageOf(passage, doc);
    actions.push({
      title: titleOf(row.what),
      text: row.what,
      responsible: row.who,
      actors,
      timing: row.when,
      start: timing.start,
      end: timing.end,
      recurring: timing.recurring,
      section,
      line: row.line,
      source: 'table',
      confidence: Math.round(Math.max(0.1, confidence) * 100) / 100,
      language: lang,
      objectives: objectivesFor(row.what, section, lang),
      passages: row.passages,
      cells: row.cells,
      notes,
    });
  }

  if (opts.includeText !== false) {
    const used = new Set(actions.flatMap((a) => a.passages));
    for (const c of findCandidateSentences(doc.passages, used)) {
      const timing = parseTiming(c.text);
      const section = sectionOf(c.passage);
      const lang = languageOf(c.passage, doc);
      actions.push({
        title: titleOf(c.text),
        text: c.text,
        responsible: '',
        actors: namedActors(c.text, registry),
        timing: '',
        start: timing.start,
        end: timing.end,
        recurring: timing.recurring,
        section,
        line: c.passage.line,
        source: 'text',
        confidence: c.listed ? 0.6 : 0.45,
        language: lang,
        objectives: objectivesFor(c.text, section, lang),
        passages: [c.passage.ordinal],
        notes: [c.listed ? 'listed under a commitment sentence' : 'commitment sentence in running text'],
      });
    }
  }
  return actions;
}

/** Known bodies named anywhere in a sentence (as leads: the sentence says who will act). */
function namedActors(text: string, registry: ActorRegistry) {
  return parseResponsibility(text, registry).filter((a) => a.known);
}
