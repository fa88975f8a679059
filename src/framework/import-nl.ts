import type { FrameworkText } from './schema.ts';

/**
 * Parses the Dutch GCM final draft (a damaged PDF extraction) into framework text.
 *
 * The damage it repairs, all seen in the corpus file: lettered actions merged on one line
 * (`... uitbuiting d) de bestaande ...`), one action split over several lines and paragraphs,
 * markdown bullets and links, footnote markers `[12]`, a commitment paragraph extracted twice
 * (`26. Wij ... migranten 26. Wij ...`), and stray duplicated words (`die die`).
 * It never invents text: actions it cannot find are listed in `notes`.
 */

const OBJECTIVE_HEADING = /^DOELSTELLING (\d+):\s*(.+)$/;
const ACTIONS_INTRO = /^Om (?:deze verbintenis|dit engagement|deze toezegging)\b/i;
const FIRST_ACTION = /^\s*-?\s*a[.)]\s/;
const SECTION_END = /^[A-Z][A-Z ,-]{6,}$/; // an all-caps heading such as UITVOERING

/** Removes markdown/extraction noise from one joined block of text. */
export function cleanDutchText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(#?[^)]*\)/g, '$1') // markdown links
    .replace(/\s*\[\d+\]/g, '') // footnote markers
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\b(\p{L}+) \1\b/giu, '$1') // stray doubled words: "die die"
    .trim();
}

/** A commitment paragraph extracted twice restarts with its number: keep the last, complete copy. */
function dedupeNumberedParagraph(text: string): string {
  const m = /^(\d+)\.\s/.exec(text);
  if (!m) return text;
  const marker = `${m[1]}. `;
  const last = text.lastIndexOf(` ${marker}`);
  return (last > 0 ? text.slice(last + 1) : text).replace(/^\d+\.\s+/, '');
}

function findMarker(block: string, letter: string, from: number): RegExpExecArray | null {
  const re = new RegExp(`(?:^|\\s)-?\\s*${letter}[.)]\\s`, 'g');
  re.lastIndex = from;
  return re.exec(block);
}

/**
 * Splits a run of action text on its lettered markers, expecting a, b, c ... in order.
 * A letter missing from the source (`k)` followed by `m)`) is skipped over; the caller decides
 * what to do with the resulting gap.
 */
export function splitLetteredActions(block: string): { letter: string; text: string }[] {
  const found: { letter: string; start: number; textStart: number }[] = [];
  let pos = 0;
  for (let code = 97; code <= 122; code++) {
    let letter = String.fromCharCode(code);
    let m = findMarker(block, letter, pos);
    if (!m && code < 122) {
      letter = String.fromCharCode(code + 1);
      m = findMarker(block, letter, pos);
      if (m) code++;
    }
    if (!m) break;
    found.push({ letter, start: m.index, textStart: m.index + m[0].length });
    pos = m.index + m[0].length;
  }
  return found.map((f, i) => {
    const end = found[i + 1]?.start ?? block.length;
    const raw = block.slice(f.textStart, end).replace(/\s+-\s*$/, '');
    const text = cleanDutchText(raw);
    return { letter: f.letter, text: text.charAt(0).toUpperCase() + text.slice(1) };
  });
}

interface Section {
  number: number;
  title: string;
  lines: string[];
}

function splitSections(lines: string[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const line of lines) {
    const heading = OBJECTIVE_HEADING.exec(line.trim());
    if (heading) {
      current = { number: Number(heading[1]), title: cleanDutchText(heading[2] ?? ''), lines: [] };
      sections.push(current);
    } else if (current && SECTION_END.test(line.trim())) {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    }
  }
  return sections;
}

/**
 * Imports the Dutch text. `expected` gives the English action letters per objective so that
 * the notes can say exactly which actions were not recovered.
 */
export function importDutchGcm(source: string, expected: Map<number, string[]>): FrameworkText {
  const sections = splitSections(source.split(/\r?\n/));
  const notes: string[] = [];
  const objectives: FrameworkText['objectives'] = [];
  for (const [number, letters] of expected) {
    const section = sections.find((s) => s.number === number);
    if (!section) {
      notes.push(`objective ${number}: heading not found`);
      continue;
    }
    // Some sections lose the "Om deze verbintenis ..." line: the first `a)` line starts the actions.
    const firstAction = section.lines.findIndex((l) => FIRST_ACTION.test(l));
    const commitmentLines = (firstAction >= 0 ? section.lines.slice(0, firstAction) : section.lines).filter(
      (l) => !ACTIONS_INTRO.test(l.trim()),
    );
    const commitment = dedupeNumberedParagraph(
      cleanDutchText(commitmentLines.join(' ').replace(/^\s*-\s*/, '')),
    );
    let actions = firstAction >= 0 ? splitLetteredActions(section.lines.slice(firstAction).join('\n')) : [];
    const sourceLetters = actions.map((a) => a.letter).join('');
    if (actions.length === letters.length && sourceLetters !== letters.join('')) {
      // The source skipped a letter (k, m): same count as the English, so the text is all there.
      actions = actions.map((a, i) => ({ ...a, letter: letters[i] ?? a.letter }));
      notes.push(`objective ${number}: source letters ${sourceLetters} relabelled ${letters.join('')}`);
    }
    const got = new Set(actions.map((a) => a.letter));
    const missing = letters.filter((l) => !got.has(l));
    const extra = actions.filter((a) => !letters.includes(a.letter));
    if (missing.length) notes.push(`objective ${number}: actions ${missing.join(', ')} not recovered`);
    if (extra.length)
      notes.push(`objective ${number}: dropped unexpected actions ${extra.map((a) => a.letter)}`);
    objectives.push({
      number,
      title: section.title,
      ...(commitment ? { commitment } : {}),
      actions: actions.filter((a) => letters.includes(a.letter) && a.text.length > 0),
    });
  }
  return {
    language: 'nl',
    source:
      'Dutch translation of the GCM final draft of 11 July 2018, imported from a damaged PDF extraction by src/framework/import-nl.ts (npm run framework:import-nl). Unofficial translation.',
    objectives,
    notes,
  };
}
