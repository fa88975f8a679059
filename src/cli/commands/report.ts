import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { withDatabase } from '../../config.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../services/export/index.ts';
import { formatRecords } from '../output.ts';

/** `gcmt report`, `gcmt export` and `gcmt search`: the same services as the API. */
export function registerReports(program: Command): void {
  program
    .command('report')
    .description('draft voluntary national review, structured by objective')
    .requiredOption('--country <code>', 'country, e.g. BE')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('md'))
    .option('--since <date>', 'report what changed since this date (YYYY-MM-DD)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: { country: string; format: ExportFormat; since?: string; out?: string }) => {
      await withDatabase(async (db) => {
        const { buildReview } = await import('../../services/reviews.ts');
        const { exportReview } = await import('../../services/export/index.ts');
        const review = await buildReview(db, { country: opts.country.toUpperCase(), since: opts.since });
        const body = await exportReview(review, opts.format);
        if (opts.out) writeFileSync(opts.out, body);
        else process.stdout.write(body);
      });
    });
  program
    .command('export')
    .description('all actions with their objectives and responsible bodies')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .action(async (opts: { format: 'json' | 'csv' }) => {
      await withDatabase(async (db) => {
        const { actionsForExport } = await import('../../services/actions.ts');
        const rows = await actionsForExport(db);
        console.log(formatRecords(rows, opts.format));
      });
    });
  program
    .command('search <query>')
    .description('full-text search over passages and actions')
    .addOption(new Option('--lang <lang>', 'language of the query').choices(['en', 'nl', 'fr', 'de']))
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'jsonl', 'csv'])
        .default('table'),
    )
    .action(
      async (
        query: string,
        opts: { lang?: 'en' | 'nl' | 'fr' | 'de'; format: 'table' | 'json' | 'jsonl' | 'csv' },
      ) => {
        await withDatabase(async (db) => {
          const { search } = await import('../../services/search.ts');
          const result = await search(db, { q: query, lang: opts.lang });
          const rows = result.hits.map((h) => ({
            kind: h.kind,
            id: h.id,
            document: h.document_title,
            language: h.language,
            snippet: h.snippet_html
              .replace(/<\/?mark>/g, '*')
              .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c))),
          }));
          console.log(formatRecords(rows, opts.format, undefined, 80));
        });
      },
    );
}
