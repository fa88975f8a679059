import { renderToString } from 'preact-render-to-string';
import type { Review } from '../reviews.ts';

const CSS = `body{font:11pt/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1b1f24}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
blockquote{color:#444;border-left:3px solid #0b5cad;margin:0;padding-left:1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}
.gap{color:#9a3412;font-weight:bold}.overdue{color:#9a3412}`;

/** The review as a standalone HTML page; preact escapes all document text. Also the source of the PDF. */
export function reviewToHtml(review: Review): string {
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{review.title}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <h1>{review.title}</h1>
        <p>
          Generated {review.generatedAt.slice(0, 10)}
          {review.since ? `; changes since ${review.since}` : ''}.
        </p>
        {review.sections.map((s) => (
          <section key={s.objective} id={`objective-${s.objective}`}>
            <h2>
              Objective {s.objective}: {s.title}
            </h2>
            <blockquote>{s.commitment}</blockquote>
            {s.narrative ? <p>{s.narrative}</p> : null}
            {s.gap ? <p class="gap">Gap: no action is linked to this objective yet.</p> : null}
            {s.actions.length ? (
              <table>
                <thead>
                  <tr>
                    <th>Action</th>
                    <th>Status</th>
                    <th>Responsible</th>
                    <th>Timing</th>
                  </tr>
                </thead>
                <tbody>
                  {s.actions.map((a) => (
                    <tr key={a.id}>
                      <td>{a.title}</td>
                      <td class={a.overdue ? 'overdue' : undefined}>
                        {a.status}
                        {a.overdue ? ' (overdue)' : ''}
                      </td>
                      <td>{a.responsible.join(', ')}</td>
                      <td>{a.start || a.end ? `${a.start ?? ''}–${a.end ?? ''}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {s.progress.length ? (
              <ul>
                {s.progress.map((p) => (
                  <li key={`${p.date}${p.action}`}>
                    {p.date} — {p.action}: {p.status}
                    {p.note ? `. ${p.note}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.passages.length ? (
              <ul>
                {s.passages.map((p) => (
                  <li key={p.text}>
                    <em>{p.document}</em>: {p.text.slice(0, 400)}
                  </li>
                ))}
              </ul>
            ) : null}
            {s.contributions.map((c) => (
              <p key={c.text}>
                <strong>{c.author ?? 'Anonymous'}</strong>: {c.text}
              </p>
            ))}
          </section>
        ))}
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(page)}`;
}
