import { type Command, Option } from 'commander';
import { extractActions } from '../../extract/extract.ts';
import type { ExtractedAction } from '../../extract/types.ts';
import { readInputFile } from '../../ingest/file.ts';
import { parseDocument } from '../../ingest/parse.ts';
import { formatRecords, type OutputFormat } from '../output.ts';

/** The public record of DESIGN §5 (internal bookkeeping such as passage ordinals left out). */
export function actionRecord(a: ExtractedAction) {
  return {
    title: a.title,
    text: a.text,
    responsible: a.responsible,
    actors: a.actors.map((x) => ({ name: x.name, raw: x.raw, level: x.level, role: x.role, known: x.known })),
    timing: a.timing,
    start: a.start,
    end: a.end,
    recurring: a.recurring,
    section: a.section,
    line: a.line,
    source: a.source,
    confidence: a.confidence,
    language: a.language,
    objectives: a.objectives,
    notes: a.notes,
  };
}

/** `gcmt extract-actions <file> [--format json|table|csv] [--tables-only]` */
export function registerExtractActions(program: Command): void {
  program
    .command('extract-actions <file>')
    .description('print the action rows found in a document (tables, then commitments in running text)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'table', 'csv']).default('json'),
    )
    .option('--tables-only', 'only rows of action tables, no commitments from running text')
    .action(async (file: string, opts: { format: OutputFormat; tablesOnly?: boolean }) => {
      const doc = await parseDocument(await readInputFile(file), file);
      const records = extractActions(doc, { includeText: !opts.tablesOnly }).map(actionRecord);
      if (opts.format === 'json') {
        console.log(JSON.stringify(records, null, 2));
        return;
      }
      const flat = records.map((r) => ({
        line: r.line,
        source: r.source,
        confidence: r.confidence,
        title: r.title,
        responsible: r.responsible,
        actors: r.actors.map((a) => `${a.name}${a.known ? '' : ' (?)'}`).join('; '),
        timing: r.timing,
        start: r.start,
        end: r.end,
        recurring: r.recurring,
        section: r.section,
        objectives: r.objectives
          .slice(0, 3)
          .map((o) => o.objective)
          .join(' '),
        text: r.text,
      }));
      const columns =
        opts.format === 'table'
          ? ['line', 'source', 'title', 'actors', 'start', 'end', 'objectives']
          : Object.keys(flat[0] ?? { line: 0 });
      console.log(formatRecords(flat, opts.format, columns, 50));
    });
}
