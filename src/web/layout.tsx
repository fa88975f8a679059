import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import type { User } from '../services/users.ts';
import { LANGUAGE_NAMES, type Strings, strings } from './i18n.ts';

/** What every page knows about its request. */
export interface PageContext {
  lang: Language;
  t: Strings;
  path: string;
  user?: User | undefined;
  csrf?: string | undefined;
}

export function pageContext(lang: Language, path: string, user?: User, csrf?: string): PageContext {
  return { lang, t: strings(lang), path, user, csrf };
}

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --accent: #0b5cad; --line: #d0d7de; --bg2: #f6f8fa; --warn: #9a3412; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, li:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; border-bottom: 1px solid var(--line); }
header .brand { font-size: 1.3rem; font-weight: 700; color: var(--ink); text-decoration: none; }
header p { margin: 0; color: var(--muted); flex-basis: 100%; font-size: .95rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
nav a[aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
.grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: #fff; }
.num { display: inline-block; min-width: 2rem; font-weight: 700; color: var(--accent); }
.muted { color: var(--muted); font-size: .9rem; }
.bar { display: flex; height: .5rem; border-radius: 3px; overflow: hidden; background: var(--bg2); margin-top: .4rem; }
.bar span { display: block; }
.s-completed { background: #1a7f37; } .s-in_progress { background: #0b5cad; } .s-planned { background: #8c959f; }
.s-delayed { background: #bf8700; } .s-cancelled { background: #cf222e; } .s-unknown { background: #d0d7de; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg2); }
.heat td.n { text-align: center; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; }
.chip { display: inline-block; border: 1px solid var(--accent); color: var(--accent); border-radius: 999px; padding: 0 .5rem; margin: .15rem .2rem 0 0; font-size: .8rem; text-decoration: none; background: #fff; }
.chip.suggested { border-style: dashed; }
.passage { border-left: 3px solid transparent; padding: .35rem .6rem; margin: .4rem 0; }
.passage.table_row { border-left-color: #1a7f37; background: #f3fbf5; }
.passage.heading { font-weight: 700; margin-top: 1.2rem; }
.passage.footnote { font-size: .85rem; color: var(--muted); }
.passage .why { display: none; font-size: .85rem; color: var(--muted); }
.passage:hover .why, .passage:focus-within .why { display: block; }
.passage:hover, .passage:focus-within { background: #fff8e1; }
mark { background: #fde68a; color: inherit; }
form.inline { display: inline; }
label { display: block; font-weight: 600; margin-top: .6rem; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=email], input[type=password], input[type=url], input[type=date], select, textarea { width: 100%; max-width: 32rem; padding: .35rem; border: 1px solid #6e7781; border-radius: 4px; }
button, .button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .4rem .8rem; cursor: pointer; margin-top: .6rem; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
.alert { border: 1px solid var(--warn); color: var(--warn); background: #fff7ed; padding: .6rem; border-radius: 4px; }
.ok { border: 1px solid #1a7f37; color: #1a7f37; background: #f0fdf4; padding: .6rem; border-radius: 4px; }
#queue li { list-style: none; border: 1px solid var(--line); border-radius: 6px; padding: .6rem; margin: .5rem 0; }
#queue li:focus { outline: 3px solid #f59e0b; }
.timeline { list-style: none; padding-left: 1rem; border-left: 3px solid var(--line); }
.timeline li { margin: .5rem 0; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
@media (max-width: 40rem) { body { font-size: 15px; } header, main, footer { padding: .6rem; } }
`;

function withLang(path: string, lang: Language): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** The page frame shared by every screen: navigation, language switch, skip link, landmarks. */
export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const t = ctx.t;
  const nav: [string, string][] = [
    ['/', t.navOverview],
    ['/documents', t.navDocuments],
    ['/search', t.navSearch],
    ctx.user ? ['/workspace', t.navWorkspace] : ['/login', t.navLogin],
  ];
  const current = ctx.path.split('?')[0] ?? '/';
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {ctx.csrf ? <meta name="csrf-token" content={ctx.csrf} /> : null}
        <title>{`${props.title} · ${t.appName}`}</title>
        <style>{CSS}</style>
        <script src="/static/app.js" defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header>
          <a class="brand" href="/">
            {t.appName}
          </a>
          <nav aria-label="Main">
            <ul>
              {nav.map(([href, label]) => (
                <li key={href}>
                  <a href={href} aria-current={current === href ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
              {ctx.user ? (
                <li>
                  <form class="inline" method="post" action="/logout">
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <button type="submit" class="secondary" style="margin:0;padding:.1rem .5rem">
                      {t.navLogout}
                    </button>
                  </form>
                </li>
              ) : null}
            </ul>
          </nav>
          <nav aria-label={t.language}>
            <ul>
              {LANGUAGES.map((l) => (
                <li key={l}>
                  <a
                    href={withLang(ctx.path, l)}
                    hreflang={l}
                    lang={l}
                    aria-current={l === ctx.lang ? 'true' : undefined}
                  >
                    {LANGUAGE_NAMES[l]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p>{t.tagline}</p>
        </header>
        <main id="main">{props.children}</main>
        <footer>{t.footer}</footer>
      </body>
    </html>
  );
}

/** Renders a page to an HTML document. preact escapes every text node and attribute. */
export function renderPage(node: preact.VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

export function StatusBar(props: { counts: Record<string, number>; t: Strings }) {
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0);
  if (!total) return null;
  const label = Object.entries(props.counts)
    .map(([s, n]) => `${n} ${props.t[`status_${s}` as keyof Strings] ?? s}`)
    .join(', ');
  return (
    <div class="bar" role="img" aria-label={label} title={label}>
      {Object.entries(props.counts).map(([s, n]) => (
        <span key={s} class={`s-${s}`} style={`width:${(100 * n) / total}%`} />
      ))}
    </div>
  );
}

export function statusLabel(t: Strings, status: string): string {
  return (t[`status_${status}` as keyof Strings] as string | undefined) ?? status;
}
