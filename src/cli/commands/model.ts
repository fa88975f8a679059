import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { modelPath, trainingExamples } from '../../classify/classifier.ts';
import { withGlosses } from '../../classify/glosses.ts';
import { loadLexiconFile } from '../../classify/lexicon.ts';
import { NaiveBayes } from '../../classify/model.ts';
import { withDatabase } from '../../config.ts';
import { confirmedExamples } from '../../db/repositories/links.ts';
import { loadFramework } from '../../framework/load.ts';
import { LANGUAGES } from '../../framework/schema.ts';

/** `gcmt model train`: retrain the statistical model on the framework plus human-confirmed links. */
export function registerModel(program: Command): void {
  const model = program.command('model').description('the statistical classification model');
  model
    .command('train')
    .description(
      'train on the framework text, the lexicons, the labelled gold passages and the links confirmed in the review queue',
    )
    .option('--out <file>', 'where to save the model (default: next to the data folder, or $GCMT_MODEL)')
    .action(async (opts: { out?: string }) => {
      await withDatabase(async (db) => {
        const framework = withGlosses(loadFramework('gcm'));
        const confirmed = await confirmedExamples(db);
        const trained = NaiveBayes.train(
          [...trainingExamples(framework, LANGUAGES.map(loadLexiconFile)), ...confirmed],
          framework.objectives.length,
        );
        const out = opts.out ?? modelPath();
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, JSON.stringify(trained.toJSON()));
        console.log(
          `model ${trained.version} trained on ${trained.exampleCount} examples (${confirmed.length} confirmed links), saved to ${out}`,
        );
      });
    });
}
