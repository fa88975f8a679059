import { type ActorLevel, type ActorRegistry, findActors, lookupActor } from './actors.ts';

/** One responsible body of an action as found in a responsibility cell. */
export interface ActionActor {
  /** Registry name ("German-speaking Community"), or the cleaned raw text for an unknown body. */
  name: string;
  /** The text as found ("Com. Ger."). */
  raw: string;
  level: ActorLevel;
  role: 'lead' | 'contributor';
  /** False when the name is not in the registry: kept, and flagged for review. */
  known: boolean;
}

// Words that hand the rest of the cell to supporting bodies. Longest alternatives first.
const CONTRIBUTOR_SPLIT =
  /\b(?:in (?:close )?(?:coordination|cooperation|collaboration|consultation|partnership) with|with the (?:support|help|assistance|participation) of|supported by|assisted by|together with|with|en (?:collaboration|coordination|concertation) avec|avec le soutien de|avec|in samenwerking met|in overleg met|met de steun van|samen met|met|in zusammenarbeit mit|unterstützt von|mit)\b/i;
const SEPARATORS =
  /\s*(?:\/|\+|,|;|&|\band\b|\bor\b|\bet\b|\bou\b|\ben\b|\bof\b(?=\s+(?:the\s+)?[A-Z])|\bund\b|\boder\b)\s*/i;
const NOISE =
  /^(?:the|de|het|la|le|les|der|die|das|of|van|du|des|all|other|relevant|competent|etc|n\/a|na|tbd|-+)$/i;

function stripQualifiers(text: string): string {
  // "(on the determination of policy priorities)" qualifies a body; it does not name one.
  return text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ');
}

function clean(piece: string): string {
  return piece
    .replace(/^[\s\-–•.,;:]+|[\s\-–•.,;:]+$/g, '')
    .replace(/^(?:the|de|het|la|le|les|der|die|das)\s+/i, '')
    .trim();
}

function actorsIn(part: string, role: 'lead' | 'contributor', registry: ActorRegistry): ActionActor[] {
  const text = stripQualifiers(part);
  const out: ActionActor[] = [];
  const matches = findActors(text, registry);
  let rest = '';
  let pos = 0;
  for (const m of matches) {
    rest += `${text.slice(pos, m.start)} / `;
    pos = m.end;
    out.push({
      name: m.actor.name,
      raw: text.slice(m.start, m.end).trim(),
      level: m.actor.level,
      role,
      known: true,
    });
  }
  rest += text.slice(pos);
  for (const piece of rest.split(SEPARATORS).map(clean)) {
    if (piece.replace(/[^\p{L}]/gu, '').length < 2 || NOISE.test(piece)) continue;
    const known = lookupActor(piece, registry);
    out.push(
      known
        ? { name: known.name, raw: piece, level: known.level, role, known: true }
        : { name: piece, raw: piece, level: 'unknown', role, known: false },
    );
  }
  return out;
}

/**
 * Splits a responsibility cell into bodies: lead before "with" / "in coordination with" (and their
 * Dutch, French and German forms), contributors after; bodies separated by `/`, `+`, `,`, `and`,
 * `or`. Known names map to the registry; unknown names are kept raw and marked `known: false`.
 */
export function parseResponsibility(cell: string, registry: ActorRegistry): ActionActor[] {
  const text = cell.replace(/\n/g, ' / ').trim();
  if (text === '') return [];
  const split = CONTRIBUTOR_SPLIT.exec(text);
  const lead = split ? text.slice(0, split.index) : text;
  const contributors = split ? text.slice(split.index + split[0].length) : '';
  const all = [...actorsIn(lead, 'lead', registry), ...actorsIn(contributors, 'contributor', registry)];
  // One body named twice ("Minister of Foreign Affairs / SPF Foreign Affairs") is one actor.
  const seen = new Map<string, ActionActor>();
  for (const a of all) {
    const prev = seen.get(a.name);
    if (!prev) seen.set(a.name, a);
    else if (prev.role === 'contributor' && a.role === 'lead')
      seen.set(a.name, { ...a, raw: `${prev.raw} / ${a.raw}` });
    else prev.raw = prev.raw === a.raw ? prev.raw : `${prev.raw} / ${a.raw}`;
  }
  return [...seen.values()];
}
