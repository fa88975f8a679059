import type { Passage, PassageLanguage } from '../ingest/types.ts';

/**
 * Commitments in running text: sentences that promise future action ("X will …", "zal …",
 * "sera …", "wird …") and list items introduced by such a sentence. They become candidate actions
 * with a lower confidence than table rows, for a person to confirm.
 */

const FUTURE: Partial<Record<PassageLanguage, RegExp>> = {
  en: /\b(?:will|shall)\s+(?!not\b|have to\b|also be noted\b)(?:\w+ly\s+)?(?:be\s+|continue\s+to\s+)?\w+/i,
  nl: /\b(?:zal|zullen)\b(?!\s+niet\b)/i,
  fr: /\b(?:sera|seront|va|vont|veillera|veilleront|s'engage|s'engagent|poursuivra|poursuivront|mettra|mettront)\b/i,
  de: /\b(?:wird|werden)\b(?!\s+nicht\b)/i,
};
// Sentences about the past or about other people's duties are not commitments of the plan.
const NOT_COMMITMENT =
  /\b(?:would|could|might|if|whether it|in (?:the )?(?:previous|last)|was|were|had been)\b/i;

export interface CandidateSentence {
  text: string;
  passage: Passage;
  /** Introduced by a "will" sentence ending in a colon: a listed commitment. */
  listed: boolean;
}

function sentences(text: string): string[] {
  return text
    .replace(/\n/g, ' ')
    .split(/(?<=[.!?])\s+(?=[\p{Lu}“"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function findCandidateSentences(passages: Passage[], exclude: Set<number>): CandidateSentence[] {
  const out: CandidateSentence[] = [];
  let intro: Passage | undefined;
  for (const p of passages) {
    if (exclude.has(p.ordinal) || p.kind === 'heading' || p.kind === 'footnote' || p.kind === 'table_row') {
      intro = undefined;
      continue;
    }
    const future = FUTURE[p.language] ?? FUTURE.en;
    if (p.kind === 'list_item' && intro) {
      if (p.text.length >= 30) out.push({ text: p.text, passage: p, listed: true });
      continue;
    }
    intro = p.kind === 'paragraph' && /:$/.test(p.text) && future?.test(p.text) ? p : undefined;
    if (intro) continue;
    for (const s of sentences(p.text)) {
      if (s.length < 40 || s.length > 600 || !future?.test(s) || NOT_COMMITMENT.test(s)) continue;
      out.push({ text: s, passage: p, listed: false });
    }
  }
  return out;
}
