import { type Command, Option } from 'commander';
import { getObjective, loadFramework, localize } from '../../framework/load.ts';
import { LANGUAGES, type Language } from '../../framework/schema.ts';

/** `gcmt framework show [--objective N] [--lang xx] [--format table|json]` */
export function registerFramework(program: Command): void {
  const framework = program
    .command('framework')
    .description('inspect the framework data (GCM objectives and actions)');
  framework
    .command('show')
    .description('print objectives, or one objective with its commitment and lettered actions')
    .option('--objective <n>', 'one objective by number')
    .addOption(new Option('--lang <lang>', 'language of the text').choices(LANGUAGES).default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--framework <id>', 'framework id', 'gcm')
    .action((opts: { objective?: string; lang: Language; format: 'table' | 'json'; framework: string }) => {
      const fw = loadFramework(opts.framework);
      const lang = opts.lang;
      const label = localize(fw.objectiveLabel, lang);
      if (opts.objective === undefined) {
        const rows = fw.objectives.map((o) => ({
          objective: o.number,
          title: localize(o.title, lang),
          actions: o.actions.length,
        }));
        console.log(
          opts.format === 'json'
            ? JSON.stringify(rows, null, 2)
            : rows.map((r) => `${String(r.objective).padStart(2)}. ${r.title} (${r.actions})`).join('\n'),
        );
        return;
      }
      const o = getObjective(fw, Number(opts.objective));
      const view = {
        objective: o.number,
        title: localize(o.title, lang),
        commitment: localize(o.commitment, lang),
        actions: o.actions.map((a) => ({ ref: a.ref, text: localize(a.text, lang) })),
      };
      if (opts.format === 'json') {
        console.log(JSON.stringify(view, null, 2));
        return;
      }
      console.log(`${label} ${view.objective}: ${view.title}\n\n${view.commitment}\n`);
      for (const a of view.actions) console.log(`${a.ref} ${a.text}\n`);
      const notes = fw.notes[lang];
      if (notes?.length) console.log(`Notes on the ${lang} text: ${notes.join('; ')}`);
    });
}
