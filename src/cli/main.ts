import { Command, CommanderError } from 'commander';
import { isAppError } from '../errors.ts';
import { registerClassify } from './commands/classify.ts';
import { registerDb } from './commands/db.ts';
import { registerExtractActions } from './commands/extract-actions.ts';
import { registerFramework } from './commands/framework.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerLexicon } from './commands/lexicon.ts';
import { registerModel } from './commands/model.ts';
import { registerReports } from './commands/report.ts';
import { registerServe } from './commands/serve.ts';
import { registerUsers } from './commands/users.ts';

/**
 * The CLI's one error boundary: expected errors print `Error: <what> (<hint>)` on stderr and exit 1;
 * stack traces only with --debug.
 */
function reportError(err: unknown, debug: boolean): never {
  if (debug) console.error(err);
  else if (isAppError(err)) console.error(`Error: ${err.message}${err.hint ? ` (${err.hint})` : ''}`);
  else console.error(`Error: ${(err as Error).message ?? String(err)} (run with --debug for details)`);
  process.exit(1);
}

// A closed pipe (`gcmt ... | head`) is a normal end of output, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('gcmt')
  .description('GCM Tracker: ingest, classify, track and report on the Global Compact for Migration')
  .option('--debug', 'show stack traces')
  .exitOverride()
  .configureOutput({ outputError: (str, write) => write(str) });

registerFramework(program);
registerExtractActions(program);
registerIngest(program);
registerClassify(program);
registerLexicon(program);
registerModel(program);
registerReports(program);
registerUsers(program);
registerDb(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode);
  }
  reportError(err, process.argv.includes('--debug'));
}
