import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { openDatabase, readConfig } from '../../config.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../../db/repositories/documents.ts';
import { isAppError } from '../../errors.ts';
import { readInputFile } from '../../ingest/file.ts';
import { ingestDocument } from '../../services/ingest.ts';

/**
 * `gcmt ingest <files...> [--country BE] [--type action_plan|review|study|...]`
 * Each file is its own transaction: one bad file is reported and skipped, the others land.
 * Exit code 1 when any file failed.
 */
export function registerIngest(program: Command): void {
  program
    .command('ingest <files...>')
    .description('store documents with their passages, actions and suggested objective links')
    .option('--country <code>', 'ISO country code of the documents, e.g. BE')
    .addOption(new Option('--type <type>', 'document type').choices(DOCUMENT_TYPES).default('other'))
    .option('--title <title>', 'title (default: from the document)')
    .action(async (files: string[], opts: { country?: string; type: DocumentType; title?: string }) => {
      const db = await openDatabase(readConfig());
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      bar?.start(files.length, 0, { file: '' });
      const totals = { created: 0, unchanged: 0, failed: 0, passages: 0, actions: 0, suggestions: 0 };
      const lines: string[] = [];
      try {
        for (const file of files) {
          bar?.update({ file: basename(file) });
          try {
            const r = await ingestDocument(db, {
              bytes: await readInputFile(file),
              filename: basename(file),
              type: opts.type,
              ...(opts.country ? { country: opts.country } : {}),
              ...(opts.title ? { title: opts.title } : {}),
              by: { userId: null, label: 'cli' },
            });
            if (r.created) {
              totals.created++;
              totals.passages += r.passages;
              totals.actions += r.actions;
              totals.suggestions += r.suggestions;
              lines.push(
                `${file}: document ${r.documentId} "${r.title}" (${r.language}), ${r.passages} passages, ${r.actions} actions, ${r.suggestions} suggested links`,
              );
            } else {
              totals.unchanged++;
              lines.push(`${file}: already imported as document ${r.documentId}, nothing changed`);
            }
          } catch (err) {
            if (!isAppError(err)) throw err;
            totals.failed++;
            lines.push(`${file}: not imported: ${err.message}${err.hint ? ` (${err.hint})` : ''}`);
          }
          bar?.increment();
        }
      } finally {
        bar?.stop();
        await db.close();
      }
      for (const l of lines) console.log(l);
      console.log(
        `${totals.created} imported, ${totals.unchanged} unchanged, ${totals.failed} failed: ${totals.passages} passages, ${totals.actions} actions, ${totals.suggestions} suggested links`,
      );
      if (totals.failed > 0) process.exitCode = 1;
    });
}
