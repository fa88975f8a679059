import { Command, CommanderError } from 'commander';
import { isAppError } from '../errors.ts';

/**
 * Each command's module, loaded only when that command runs: the modules pull in the database,
 * exporters and the classifier, and `gcmt classify` should not pay for PGlite and DOCX on startup.
 */
type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  framework: async () => (await import('./commands/framework.ts')).registerFramework,
  'extract-actions': async () => (await import('./commands/extract-actions.ts')).registerExtractActions,
  ingest: async () => (await import('./commands/ingest.ts')).registerIngest,
  classify: async () => (await import('./commands/classify.ts')).registerClassify,
  lexicon: async () => (await import('./commands/lexicon.ts')).registerLexicon,
  model: async () => (await import('./commands/model.ts')).registerModel,
  report: async () => (await import('./commands/report.ts')).registerReports,
  export: async () => (await import('./commands/report.ts')).registerReports,
  search: async () => (await import('./commands/report.ts')).registerReports,
  user: async () => (await import('./commands/users.ts')).registerUsers,
  db: async () => (await import('./commands/db.ts')).registerDb,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
};

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

// The named command alone, or every command (in this order) for help and unknown names.
const named = process.argv.slice(2).find((a) => !a.startsWith('-'));
const loaders = named && COMMANDS[named] ? [COMMANDS[named]] : Object.values(COMMANDS);
const registered = new Set<Register>();
for (const load of loaders) {
  const register = await load();
  if (!registered.has(register)) register(program);
  registered.add(register);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode);
  }
  reportError(err, process.argv.includes('--debug'));
}
