import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import { LANGUAGE_NAMES, strings } from './i18n.ts';

const CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --accent: #0b5cad; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header, main, footer { max-width: 70rem; margin: 0 auto; padding: 1rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; justify-content: space-between; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 1.4rem; } header p { margin: 0; color: var(--muted); flex-basis: 100%; }
nav.lang ul { list-style: none; display: flex; gap: .75rem; margin: 0; padding: 0; }
nav.lang a[aria-current] { font-weight: bold; text-decoration: none; color: var(--ink); }
ol.objectives { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .75rem; }
ol.objectives li { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
.num { display: inline-block; min-width: 2rem; font-weight: bold; color: var(--accent); }
.muted { color: var(--muted); font-size: .9rem; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
`;

/** The page frame shared by every screen: language switch, skip link, landmarks. */
export function Layout(props: { lang: Language; title: string; path: string; children: ComponentChildren }) {
  const t = strings(props.lang);
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t.appName}`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header>
          <h1>{t.appName}</h1>
          <nav class="lang" aria-label={t.language}>
            <ul>
              {LANGUAGES.map((l) => (
                <li key={l}>
                  <a
                    href={`${props.path}?lang=${l}`}
                    hreflang={l}
                    lang={l}
                    aria-current={l === props.lang ? 'true' : undefined}
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
