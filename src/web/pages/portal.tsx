import { ACTOR_LEVELS } from '../../extract/actors.ts';
import { localize } from '../../framework/load.ts';
import type { Framework, Objective } from '../../framework/schema.ts';
import type { getAction } from '../../services/actions.ts';
import type { ObjectiveCoverage } from '../../services/coverage.ts';
import type { getDocument } from '../../services/documents.ts';
import type { SearchResult } from '../../services/search.ts';
import { Layout, type PageContext, StatusBar, statusLabel } from '../layout.tsx';

/** National overview: every objective with its coverage, a heatmap by level, overdue actions. */
export function OverviewPage(props: {
  ctx: PageContext;
  framework: Framework;
  coverage: ObjectiveCoverage[];
  overdue: { id: number; title: string; end_year: number | null; actors: string[] }[];
  sample: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const levels = ACTOR_LEVELS.filter((l) => props.coverage.some((c) => (c.byLevel[l] ?? 0) > 0));
  const max = Math.max(1, ...props.coverage.flatMap((c) => Object.values(c.byLevel)));
  return (
    <Layout ctx={ctx} title={t.overview}>
      <h1>{t.overview}</h1>
      {props.sample ? <p class="muted">{t.sample}</p> : null}
      <h2>{t.objectives}</h2>
      <ol class="grid">
        {props.framework.objectives.map((o) => {
          const c = props.coverage.find((x) => x.objective === o.number);
          return (
            <li key={o.number} id={`objective-${o.number}`} class="card">
              <a href={`/objectives/${o.number}`}>
                <span class="num">
                  <span class="sr">{t.objective} </span>
                  {o.number}
                </span>
                <span lang={o.title[ctx.lang] ? ctx.lang : 'en'}>{localize(o.title, ctx.lang)}</span>
              </a>
              <div class="muted">
                {c && c.actions > 0
                  ? `${c.actions} ${t.actions} · ${c.passages} ${t.passages}`
                  : c?.passages
                    ? `${t.gap} · ${c.passages} ${t.passages}`
                    : t.gap}
              </div>
              <StatusBar counts={c?.byStatus ?? {}} t={t} />
            </li>
          );
        })}
      </ol>
      <h2 id="heatmap">{t.heatmap}</h2>
      <div class="scroll">
        <table class="heat">
          <caption class="sr">{t.heatmap}</caption>
          <thead>
            <tr>
              <th scope="col">{t.objective}</th>
              {levels.map((l) => (
                <th scope="col" key={l}>
                  {l.replace('_', ' ')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.coverage.map((c) => (
              <tr key={c.objective}>
                <th scope="row">
                  <a href={`/objectives/${c.objective}`}>{c.objective}</a>
                </th>
                {levels.map((l) => {
                  const n = c.byLevel[l] ?? 0;
                  // Blue intensity by count; text stays dark enough on every shade for contrast.
                  const alpha = n ? 0.15 + (0.5 * n) / max : 0;
                  return (
                    <td
                      key={l}
                      class="n"
                      style={n ? `background: rgba(11, 92, 173, ${alpha.toFixed(2)})` : undefined}
                    >
                      {n || ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="overdue">{t.overdue}</h2>
      {props.overdue.length ? (
        <ul>
          {props.overdue.map((a) => (
            <li key={a.id}>
              <a href={`/actions/${a.id}`}>{a.title}</a>{' '}
              <span class="muted">
                ({a.end_year} · {a.actors.join(', ')})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noneOverdue}</p>
      )}
    </Layout>
  );
}

export function ObjectivePage(props: {
  ctx: PageContext;
  objective: Objective;
  actions: {
    id: number;
    title: string;
    status: string;
    start_year: number | null;
    end_year: number | null;
    actors: string[];
    overdue: boolean;
  }[];
  passages: { id: number; document_id: number; document: string; text: string; score: number }[];
  contributions: { author: string | null; text: string }[];
}) {
  const { ctx, objective: o } = props;
  const t = ctx.t;
  const title = `${t.objective} ${o.number}: ${localize(o.title, ctx.lang)}`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <h2>{t.commitment}</h2>
      <p lang={o.commitment[ctx.lang] ? ctx.lang : 'en'}>{localize(o.commitment, ctx.lang)}</p>
      <h2>{t.nationalActions}</h2>
      {props.actions.length ? (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.actionsTitle}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.responsible}</th>
                <th scope="col">{t.timing}</th>
              </tr>
            </thead>
            <tbody>
              {props.actions.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`/actions/${a.id}`}>{a.title}</a>
                  </td>
                  <td>
                    {statusLabel(t, a.status)}
                    {a.overdue ? ` (${t.overdue.toLowerCase()})` : ''}
                  </td>
                  <td>{a.actors.join(', ')}</td>
                  <td>{a.start_year || a.end_year ? `${a.start_year ?? ''}–${a.end_year ?? ''}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.gap}</p>
      )}
      <h2>{t.letteredActions}</h2>
      <ol type="a">
        {o.actions.map((a) => (
          <li key={a.ref} id={`action-${a.letter}`} lang={a.text[ctx.lang] ? ctx.lang : 'en'}>
            {localize(a.text, ctx.lang)}
          </li>
        ))}
      </ol>
      <h2>{t.linkedPassages}</h2>
      <ul>
        {props.passages.map((p) => (
          <li key={p.id}>
            <a href={`/documents/${p.document_id}#p${p.id}`}>{p.document}</a>: {p.text.slice(0, 300)}
            {p.text.length > 300 ? '…' : ''}
          </li>
        ))}
      </ul>
      {props.contributions.length ? (
        <>
          <h2>{t.contributions}</h2>
          {props.contributions.map((c) => (
            <blockquote key={c.text}>
              {c.text} <span class="muted">— {c.author ?? ''}</span>
            </blockquote>
          ))}
        </>
      ) : null}
    </Layout>
  );
}

type ActionView = Awaited<ReturnType<typeof getAction>>;

export function ActionPage(props: { ctx: PageContext; action: ActionView; editor?: preact.VNode | null }) {
  const { ctx, action: a } = props;
  const t = ctx.t;
  const actors = a.actors as { id: number; name: string; level: string; role: string; raw: string }[];
  const history = a.history as {
    id: number;
    date: string | Date;
    status: string;
    note: string;
    evidence: { url?: string; attachmentId?: number; title?: string }[];
    created_by: string | null;
  }[];
  const links = a.objectives as {
    id: number;
    objective: number;
    framework_action: string | null;
    score: number;
    state: string;
  }[];
  return (
    <Layout ctx={ctx} title={a.title}>
      <h1>{a.title}</h1>
      <p>
        <strong>{t.status}:</strong> {statusLabel(t, a.status)}
        {a.overdue ? ` — ${t.overdue.toLowerCase()}` : ''} · <strong>{t.timing}:</strong>{' '}
        {a.timing_raw || `${a.start_year ?? ''}–${a.end_year ?? ''}`}
      </p>
      <p style="white-space: pre-line">{a.text}</p>
      <p>
        <strong>{t.responsible}:</strong>{' '}
        {actors.map((x) => `${x.name} (${x.role}, ${x.level.replace('_', ' ')})`).join('; ') ||
          a.responsible_raw}
      </p>
      <p>
        {links.map((l) => (
          <a key={l.id} class={`chip ${l.state}`} href={`/objectives/${l.objective}`}>
            {t.objective} {l.objective}
            {l.framework_action ? `(${l.framework_action})` : ''} · {Math.round(l.score * 100)}%
          </a>
        ))}
      </p>
      {a.document_id ? (
        <p>
          <a href={`/documents/${a.document_id}`}>{t.document}</a>
        </p>
      ) : null}
      <h2>{t.history}</h2>
      {history.length ? (
        <ol class="timeline">
          {history.map((h) => (
            <li key={h.id}>
              <strong>{String(h.date instanceof Date ? h.date.toISOString() : h.date).slice(0, 10)}</strong> —{' '}
              {statusLabel(t, h.status)}
              {h.note ? `: ${h.note}` : ''}
              {h.evidence.map((e) =>
                e.url ? (
                  <a key={e.url} href={e.url} rel="noopener noreferrer nofollow">
                    {' '}
                    {e.title ?? t.evidence}
                  </a>
                ) : e.attachmentId ? (
                  <a key={e.attachmentId} href={`/api/v1/attachments/${e.attachmentId}`}>
                    {' '}
                    {e.title ?? t.evidence}
                  </a>
                ) : null,
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.noHistory}</p>
      )}
      {props.editor ?? null}
    </Layout>
  );
}

type DocumentView = Awaited<ReturnType<typeof getDocument>>;

/** Passages with objective chips; the evidence shows on hover or keyboard focus; action rows are marked. */
export function DocumentPage(props: { ctx: PageContext; doc: DocumentView }) {
  const { ctx, doc } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={doc.title}>
      <h1>{doc.title}</h1>
      <p class="muted">
        {doc.type.replace('_', ' ')} · {doc.country ?? ''} · {doc.language} · {doc.passages.length}{' '}
        {t.passages} · {doc.actions.length} {t.actions}
      </p>
      {doc.passages.map((p) => {
        const links = p.links.filter((l) => l.score >= 0.3);
        return (
          <div
            key={p.id}
            id={`p${p.id}`}
            class={`passage ${p.kind}`}
            lang={p.language !== 'und' ? p.language : undefined}
            tabindex={links.length ? 0 : undefined}
          >
            <div style="white-space: pre-line">{p.text}</div>
            {p.action_ids.map((id) => (
              <a key={id} class="chip" href={`/actions/${id}`}>
                {t.actionsTitle} #{id}
              </a>
            ))}
            {links.map((l) => (
              <a
                key={l.id}
                class={`chip ${l.state}`}
                href={`/objectives/${l.objective}`}
                title={`${Math.round(l.score * 100)}%`}
              >
                {t.objective} {l.objective}
              </a>
            ))}
            {links.length ? (
              <div class="why">
                {links.map((l) => {
                  const ev = l.evidence as { terms?: string[]; nearestAction?: string | null };
                  return (
                    <div key={l.id}>
                      {t.objective} {l.objective}: {(ev.terms ?? []).join(', ')}
                      {ev.nearestAction ? ` → ${ev.nearestAction}` : ''}
                    </div>
                  );
                })}
              </div>
            ) : null}
          </div>
        );
      })}
    </Layout>
  );
}

export function DocumentsPage(props: {
  ctx: PageContext;
  documents: {
    id: number;
    title: string;
    type: string;
    country: string | null;
    language: string;
    passages: number;
    actions: number;
  }[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t.documents}>
      <h1>{t.documents}</h1>
      <ul>
        {props.documents.map((d) => (
          <li key={d.id}>
            <a href={`/documents/${d.id}`}>{d.title}</a>{' '}
            <span class="muted">
              {d.type.replace('_', ' ')} · {d.country ?? ''} · {d.language} · {d.passages} {t.passages} ·{' '}
              {d.actions} {t.actions}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function SearchPage(props: { ctx: PageContext; q: string; result?: SearchResult | undefined }) {
  const { ctx, result } = props;
  const t = ctx.t;
  const facet = (name: string, values: Record<string, number>, param: string) =>
    Object.keys(values).length ? (
      <div>
        <h3>{name}</h3>
        <ul>
          {Object.entries(values).map(([k, n]) => (
            <li key={k}>
              <a href={`/search?q=${encodeURIComponent(props.q)}&${param}=${encodeURIComponent(k)}`}>{k}</a> (
              {n})
            </li>
          ))}
        </ul>
      </div>
    ) : null;
  return (
    <Layout ctx={ctx} title={t.search}>
      <h1>{t.search}</h1>
      <search>
        <form method="get" action="/search">
          <label for="q">{t.searchLabel}</label>
          <input type="text" id="q" name="q" value={props.q} />
          <button type="submit">{t.searchButton}</button>
        </form>
      </search>
      {result ? (
        <div style="display:flex;flex-wrap:wrap;gap:2rem">
          <section style="flex:3;min-width:18rem" aria-label={t.results}>
            <p>
              {result.hits.length} {t.results}
            </p>
            {result.hits.length === 0 ? <p>{t.noResults}</p> : null}
            <ol>
              {result.hits.map((h) => (
                <li key={`${h.kind}${h.id}`}>
                  <a href={h.kind === 'action' ? `/actions/${h.id}` : `/documents/${h.document_id}#p${h.id}`}>
                    {h.document_title ?? h.kind}
                  </a>
                  {/* snippet_html is escaped by the search service; only its own <mark> tags remain */}
                  <div lang={h.language} dangerouslySetInnerHTML={{ __html: h.snippet_html }} />
                </li>
              ))}
            </ol>
          </section>
          <aside style="flex:1;min-width:12rem">
            {facet(t.facetLanguage, result.facets.language, 'lang')}
            {facet(t.facetType, result.facets.type, 'type')}
            {facet(t.facetObjective, result.facets.objective, 'objective')}
          </aside>
        </div>
      ) : null}
    </Layout>
  );
}
