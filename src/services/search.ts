import type { Queryable } from '../db/connection.ts';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import { detectLanguage } from '../ingest/language.ts';

/**
 * Full-text search over passages and actions with PostgreSQL's text-search configuration of the
 * query's language (english, dutch, french, german): a query finds the stems of its words in
 * passages of that same language only ("victims" finds "victim", not "victimes"). The language is
 * the `lang` parameter, else detected from the query; a query whose language cannot be told is
 * matched word for word in every language with the `simple` configuration.
 */

const CONFIG: Record<Language, string> = { en: 'english', nl: 'dutch', fr: 'french', de: 'german' };

export interface SearchQuery {
  q: string;
  lang?: Language | undefined;
  objective?: number | undefined;
  type?: string | undefined;
  country?: string | undefined;
  actorId?: number | undefined;
  year?: number | undefined;
  limit?: number | undefined;
}

export interface SearchHit {
  kind: 'passage' | 'action';
  id: number;
  document_id: number | null;
  document_title: string | null;
  language: string;
  rank: number;
  /** HTML-escaped text with the matches wrapped in <mark>. */
  snippet_html: string;
}

export interface SearchResult {
  lang: Language | 'und';
  config: string;
  hits: SearchHit[];
  facets: {
    language: Record<string, number>;
    type: Record<string, number>;
    country: Record<string, number>;
    objective: Record<string, number>;
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** ts_headline marks matches with control characters; the text is escaped first, then they become <mark>. */
function markSnippet(raw: string): string {
  return escapeHtml(raw).replaceAll('\u0001', '<mark>').replaceAll('\u0002', '</mark>');
}

export async function search(db: Queryable, query: SearchQuery): Promise<SearchResult> {
  const detected = query.lang ?? detectLanguage(query.q);
  const lang: Language | 'und' =
    detected && (LANGUAGES as readonly string[]).includes(detected) ? detected : 'und';
  const config = lang === 'und' ? 'simple' : CONFIG[lang];
  const limit = Math.min(100, Math.max(1, query.limit ?? 20));
  const params = [
    query.q,
    config,
    lang === 'und' ? null : lang,
    query.objective ?? null,
    query.type ?? null,
    query.country ?? null,
    query.actorId ?? null,
    query.year ?? null,
  ];
  // The matches, once: passages and actions in the query's language, with the filters applied.
  const matches = `
    WITH q AS (SELECT websearch_to_tsquery($2::regconfig, $1) AS tsq),
    m AS (
      SELECT 'passage' AS kind, p.id, p.document_id, p.language, p.text, ts_rank(p.search, q.tsq) AS rank
      FROM passage p, q
      WHERE ($3::text IS NULL OR p.language = $3)
        AND (CASE WHEN $3::text IS NULL THEN to_tsvector('simple', p.text) ELSE p.search END) @@ q.tsq
        AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM objective_link l WHERE l.passage_id = p.id AND l.objective = $4 AND l.state <> 'rejected'))
        AND $7::int IS NULL AND $8::int IS NULL
      UNION ALL
      SELECT 'action', a.id, a.document_id, a.language, a.title || ' — ' || a.text, ts_rank(a.search, q.tsq)
      FROM action a, q
      WHERE ($3::text IS NULL OR a.language = $3)
        AND (CASE WHEN $3::text IS NULL THEN to_tsvector('simple', a.title || ' ' || a.text) ELSE a.search END) @@ q.tsq
        AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM objective_link l WHERE l.action_id = a.id AND l.objective = $4 AND l.state <> 'rejected'))
        AND ($7::int IS NULL OR EXISTS (SELECT 1 FROM action_actor aa WHERE aa.action_id = a.id AND aa.actor_id = $7))
        AND ($8::int IS NULL OR $8 BETWEEN COALESCE(a.start_year, a.end_year) AND COALESCE(a.end_year, a.start_year))
    ),
    f AS MATERIALIZED (
      SELECT m.*, d.title AS document_title, d.type, d.country FROM m LEFT JOIN document d ON d.id = m.document_id
      WHERE ($5::text IS NULL OR d.type = $5) AND ($6::text IS NULL OR d.country = $6)
    )`;
  // One statement: the matches are computed once for both the ranked hits and the facet counts.
  const rows = await db.query<{
    section: string;
    kind: string;
    id: number;
    document_id: number | null;
    document_title: string | null;
    language: string;
    rank: number;
    headline: string;
    facet: string;
    key: string;
    n: number;
  }>(
    `${matches},
     top AS (SELECT * FROM f ORDER BY rank DESC, kind, id LIMIT ${limit})
     SELECT 'hit' AS section, top.kind, top.id, top.document_id, top.document_title, top.language, top.rank,
            ts_headline($2::regconfig, top.text, (SELECT tsq FROM q), 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxFragments=2, MaxWords=30, MinWords=10') AS headline,
            NULL AS facet, NULL AS key, NULL::int AS n
     FROM top
     UNION ALL SELECT 'facet', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'language', language, count(*)::int FROM f GROUP BY language
     UNION ALL SELECT 'facet', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'type', COALESCE(type, 'none'), count(*)::int FROM f GROUP BY type
     UNION ALL SELECT 'facet', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'country', COALESCE(country, 'none'), count(*)::int FROM f GROUP BY country
     UNION ALL SELECT 'facet', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'objective', objective::text, count(*)::int FROM (
         SELECT DISTINCT l.objective, f.id FROM f JOIN objective_link l ON l.passage_id = f.id
         WHERE f.kind = 'passage' AND l.state <> 'rejected' AND l.score >= 0.5
         UNION ALL
         SELECT DISTINCT l.objective, -f.id FROM f JOIN objective_link l ON l.action_id = f.id
         WHERE f.kind = 'action' AND l.state <> 'rejected' AND l.score >= 0.5) x GROUP BY objective`,
    params,
  );
  const hits = rows
    .filter((r) => r.section === 'hit')
    .sort((a, b) => b.rank - a.rank || a.kind.localeCompare(b.kind) || a.id - b.id);
  const facetRows = rows.filter((r) => r.section === 'facet');
  const facets: SearchResult['facets'] = { language: {}, type: {}, country: {}, objective: {} };
  for (const r of facetRows) facets[r.facet as keyof SearchResult['facets']][r.key] = r.n;
  return {
    lang,
    config,
    hits: hits.map((h) => ({
      kind: h.kind as SearchHit['kind'],
      id: h.id,
      document_id: h.document_id,
      document_title: h.document_title,
      language: h.language,
      rank: h.rank,
      snippet_html: markSnippet(h.headline),
    })),
    facets,
  };
}
