import { localize } from '../../framework/load.ts';
import type { Framework, Language } from '../../framework/schema.ts';
import { strings } from '../i18n.ts';
import { Layout } from '../layout.tsx';

/** The portal's front page: the framework's objectives in the chosen language. */
export function HomePage(props: { lang: Language; framework: Framework }) {
  const t = strings(props.lang);
  const label = localize(props.framework.objectiveLabel, props.lang);
  return (
    <Layout lang={props.lang} title={t.objectives} path="/">
      <h2>{t.objectives}</h2>
      <ol class="objectives">
        {props.framework.objectives.map((o) => (
          <li key={o.number} id={`objective-${o.number}`}>
            <span class="num">
              <span class="skip">{label} </span>
              {o.number}
            </span>
            <span lang={o.title[props.lang] ? props.lang : 'en'}>{localize(o.title, props.lang)}</span>
            <div class="muted">
              {o.actions.length} {t.actions}
            </div>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
