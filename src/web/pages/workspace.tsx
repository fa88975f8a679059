import { localize } from '../../framework/load.ts';
import type { Framework } from '../../framework/schema.ts';
import type { Contribution } from '../../services/contributions.ts';
import { ROLES } from '../../services/permissions.ts';
import type { Suggestion } from '../../services/review-queue.ts';
import type { User } from '../../services/users.ts';
import { Layout, type PageContext, statusLabel } from '../layout.tsx';

const Csrf = (props: { ctx: PageContext }) => <input type="hidden" name="_csrf" value={props.ctx.csrf} />;

export function LoginPage(props: { ctx: PageContext; error?: boolean; next?: string }) {
  const t = props.ctx.t;
  return (
    <Layout ctx={props.ctx} title={t.signIn}>
      <h1>{t.signIn}</h1>
      {props.error ? (
        <p class="alert" role="alert">
          {t.wrongLogin}
        </p>
      ) : null}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={props.next ?? '/workspace'} />
        <label for="email">{t.email}</label>
        <input type="email" id="email" name="email" autocomplete="username" required />
        <label for="password">{t.password}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <button type="submit">{t.signIn}</button>
      </form>
    </Layout>
  );
}

export function WorkspacePage(props: {
  ctx: PageContext;
  framework: Framework;
  queue: Suggestion[];
  pending: Contribution[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  const role = ctx.user?.role;
  const canUpload = role === 'admin' || role === 'coordinator';
  return (
    <Layout ctx={ctx} title={t.workspace}>
      <h1>{t.workspace}</h1>
      <p class="muted">
        {ctx.user?.email} ({role}) · <a href="/workspace/review">{t.buildReview}</a>
        {role === 'admin' ? (
          <>
            {' '}
            · <a href="/workspace/users">{t.users}</a>
          </>
        ) : null}
      </p>
      {canUpload ? (
        <section aria-labelledby="upload-h">
          <h2 id="upload-h">{t.upload}</h2>
          <form
            id="upload-form"
            method="post"
            action={`/workspace/upload?_csrf=${encodeURIComponent(ctx.csrf ?? '')}`}
            enctype="multipart/form-data"
          >
            <Csrf ctx={ctx} />
            <label for="file">{t.document}</label>
            <input type="file" id="file" name="file" required />
            <label for="type">{t.type}</label>
            <select id="type" name="type">
              {['action_plan', 'review', 'study', 'voluntary_report', 'contribution', 'other'].map((x) => (
                <option key={x} value={x}>
                  {x.replace('_', ' ')}
                </option>
              ))}
            </select>
            <label for="country">{t.country}</label>
            <input type="text" id="country" name="country" value="BE" maxlength={2} />
            <button type="submit">{t.uploadButton}</button>
            <progress id="upload-progress" max={100} value={0} aria-label={t.upload} />
            <p id="upload-status" role="status" aria-live="polite" />
          </form>
        </section>
      ) : null}
      {canUpload ? (
        <section aria-labelledby="queue-h">
          <h2 id="queue-h">{t.reviewQueue}</h2>
          <p class="muted">{t.reviewHelp}</p>
          <form method="post" action="/workspace/confirm-above">
            <Csrf ctx={ctx} />
            <label for="minScore">{t.acceptAbove}</label>
            <input
              type="text"
              inputmode="decimal"
              id="minScore"
              name="minScore"
              value="0.9"
              style="max-width:6rem"
            />
            <button type="submit" class="secondary">
              {t.acceptAbove}
            </button>
          </form>
          <p id="queue-status" role="status" aria-live="polite" class="muted" />
          <ul id="queue" style="padding:0">
            {props.queue.map((s) => {
              const ev = s.evidence as { terms?: string[]; nearestAction?: string | null };
              return (
                <li
                  key={s.id}
                  data-link={s.id}
                  tabindex={0}
                  aria-label={`${t.objective} ${s.objective}, ${t.score} ${Math.round(s.score * 100)}%`}
                >
                  <div>
                    <strong>
                      {t.objective} {s.objective}:{' '}
                      {localize(props.framework.objectives[s.objective - 1]?.title ?? { en: '' }, ctx.lang)}
                    </strong>{' '}
                    <span class="muted">
                      {t.score} {Math.round(s.score * 100)}% · {(ev.terms ?? []).join(', ')}
                      {ev.nearestAction ? ` → ${ev.nearestAction}` : ''}
                    </span>
                  </div>
                  <div>
                    {s.text.slice(0, 400)}
                    {s.text.length > 400 ? '…' : ''} <span class="muted">({s.document_title})</span>
                  </div>
                  <form class="inline" method="post" action={`/workspace/links/${s.id}`}>
                    <Csrf ctx={ctx} />
                    <button type="submit" name="decision" value="confirm" data-decision="confirm">
                      {t.accept}
                    </button>{' '}
                    <button
                      type="submit"
                      name="decision"
                      value="reject"
                      data-decision="reject"
                      class="secondary"
                    >
                      {t.reject}
                    </button>{' '}
                    <label class="sr" for={`objective-${s.id}`}>
                      {t.objective}
                    </label>
                    <input
                      id={`objective-${s.id}`}
                      type="text"
                      inputmode="numeric"
                      name="objective"
                      size={3}
                      style="width:4rem"
                      placeholder="1-23"
                    />{' '}
                    <button
                      type="submit"
                      name="decision"
                      value="reassign"
                      data-decision="reassign"
                      class="secondary"
                    >
                      {t.reassign}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {props.pending.length ? (
        <section aria-labelledby="mod-h">
          <h2 id="mod-h">{t.moderate}</h2>
          {props.pending.map((c) => (
            <div key={c.id} class="card">
              <p>{c.text}</p>
              <p class="muted">
                {c.author} · {t.objective} {c.objectives.join(', ')}
              </p>
              <form class="inline" method="post" action={`/workspace/contributions/${c.id}`}>
                <Csrf ctx={ctx} />
                <button type="submit" name="decision" value="approved">
                  {t.approve}
                </button>{' '}
                <button type="submit" name="decision" value="rejected" class="secondary">
                  {t.reject}
                </button>
              </form>
            </div>
          ))}
        </section>
      ) : null}
    </Layout>
  );
}

/** Edit form and progress form under an action, for users allowed to change it. */
export function ActionEditor(props: {
  ctx: PageContext;
  action: {
    id: number;
    title: string;
    status: string;
    start_year: number | null;
    end_year: number | null;
    version: number;
  };
  message?: 'conflict' | 'saved' | undefined;
}) {
  const { ctx, action: a } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="edit-h">
      <h2 id="edit-h">{t.edit}</h2>
      {props.message === 'conflict' ? (
        <p class="alert" role="alert">
          {t.conflict}
        </p>
      ) : props.message === 'saved' ? (
        <p class="ok" role="status">
          {t.saved}
        </p>
      ) : null}
      <form method="post" action={`/actions/${a.id}/edit`}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="version" value={String(a.version)} />
        <label for="title">{t.title}</label>
        <input type="text" id="title" name="title" value={a.title} />
        <label for="status">{t.status}</label>
        <select id="status" name="status">
          {['planned', 'in_progress', 'completed', 'delayed', 'cancelled', 'unknown'].map((s) => (
            <option key={s} value={s} selected={s === a.status}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
        <button type="submit">{t.save}</button>
      </form>
      <h2 id="progress-h">{t.addProgress}</h2>
      <form method="post" action={`/actions/${a.id}/progress`}>
        <Csrf ctx={ctx} />
        <label for="pdate">{t.date}</label>
        <input type="date" id="pdate" name="date" required value={new Date().toISOString().slice(0, 10)} />
        <label for="pstatus">{t.status}</label>
        <select id="pstatus" name="status">
          {['planned', 'in_progress', 'completed', 'delayed', 'cancelled'].map((s) => (
            <option key={s} value={s}>
              {statusLabel(t, s)}
            </option>
          ))}
        </select>
        <label for="pnote">{t.note}</label>
        <textarea id="pnote" name="note" rows={3} />
        <label for="purl">{t.evidenceUrl}</label>
        <input type="url" id="purl" name="url" placeholder="https://" />
        <button type="submit">{t.addProgress}</button>
      </form>
    </section>
  );
}

export function ReviewBuilderPage(props: {
  ctx: PageContext;
  framework: Framework;
  country: string;
  narratives: Record<string, string>;
  version: number;
  conflict?: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const formats = ['docx', 'pdf', 'html', 'md', 'xlsx', 'csv', 'json'];
  return (
    <Layout ctx={ctx} title={t.buildReview}>
      <h1>
        {t.buildReview} — {props.country}
      </h1>
      <p>
        {t.exportAs}:{' '}
        {formats.map((f) => (
          <a
            key={f}
            class="chip"
            href={`/api/v1/reviews/draft?country=${props.country}&format=${f}&lang=${ctx.lang}`}
          >
            {f.toUpperCase()}
          </a>
        ))}{' '}
        · <a href={`/api/v1/reviews/draft?country=${props.country}&format=html&lang=${ctx.lang}`}>preview</a>
      </p>
      {props.conflict ? (
        <p class="alert" role="alert">
          {t.conflict}
        </p>
      ) : null}
      <form method="post" action={`/workspace/review?country=${props.country}`}>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="version" value={String(props.version)} />
        {props.framework.objectives.map((o) => (
          <div key={o.number}>
            <label for={`n${o.number}`}>
              {t.objective} {o.number}: {localize(o.title, ctx.lang)} — {t.narrative}
            </label>
            <textarea id={`n${o.number}`} name={`n${o.number}`} rows={2}>
              {props.narratives[String(o.number)] ?? ''}
            </textarea>
          </div>
        ))}
        <button type="submit">{t.save}</button>
      </form>
    </Layout>
  );
}

export function UsersPage(props: { ctx: PageContext; users: User[]; error?: string | undefined }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t.users}>
      <h1>{t.users}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.role}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t.addUser}</h2>
      {props.error ? (
        <p class="alert" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/workspace/users">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <label for="uemail">{t.email}</label>
        <input type="email" id="uemail" name="email" required />
        <label for="upassword">{t.password}</label>
        <input
          type="password"
          id="upassword"
          name="password"
          minlength={12}
          required
          autocomplete="new-password"
        />
        <label for="urole">{t.role}</label>
        <select id="urole" name="role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit">{t.addUser}</button>
      </form>
    </Layout>
  );
}
