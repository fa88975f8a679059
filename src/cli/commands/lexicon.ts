import { type Command, Option } from 'commander';
import { loadLexiconFile, TIER_WEIGHT } from '../../classify/lexicon.ts';
import { getObjective, loadFramework, localize } from '../../framework/load.ts';
import { LANGUAGES, type Language } from '../../framework/schema.ts';

/** `gcmt lexicon --objective N --lang xx [--format table|json]`: the curated terms, for review. */
export function registerLexicon(program: Command): void {
  program
    .command('lexicon')
    .description('print the curated lexicon of an objective in one language')
    .requiredOption('--objective <n>', 'objective number')
    .addOption(new Option('--lang <lang>', 'language').choices(LANGUAGES).default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((opts: { objective: string; lang: Language; format: 'table' | 'json' }) => {
      const objective = getObjective(loadFramework('gcm'), Number(opts.objective));
      const file = loadLexiconFile(opts.lang);
      const entry = file.objectives[String(objective.number)];
      if (opts.format === 'json') {
        console.log(JSON.stringify({ objective: objective.number, lang: opts.lang, ...entry }, null, 2));
        return;
      }
      console.log(`Objective ${objective.number}: ${localize(objective.title, opts.lang)} [${opts.lang}]`);
      for (const tier of ['strong', 'medium', 'weak', 'context'] as const) {
        const terms = entry?.[tier] ?? [];
        if (terms.length)
          console.log(
            `\n${tier} (weight ${TIER_WEIGHT[tier]}${tier === 'context' ? ', only next to a strong or medium term' : ''}):\n  ${terms.join(' · ')}`,
          );
      }
      if (entry?.exclude.length)
        console.log(`\nexclude (cancels the objective's lexicon score):\n  ${entry.exclude.join(' · ')}`);
    });
}
