import { createInterface } from 'node:readline';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { defaultClassifier } from '../../classify/classifier.ts';
import { AppError } from '../../errors.ts';
import { languageSchema } from '../../framework/schema.ts';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: languageSchema.optional(),
});

/**
 * `gcmt classify [--format jsonl|table] [--framework gcm]`: JSON Lines in, one result line per
 * input line, in order (DESIGN §5). A malformed line yields `{"line": N, "error": ...}`, processing
 * goes on, and the exit code is 1.
 */
export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('classify JSON Lines {"id","text","lang"?} from stdin against the GCM objectives')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'table']).default('jsonl'))
    .option('--framework <id>', 'framework', 'gcm')
    .option('--top <n>', 'objectives per result', '5')
    .action(async (opts: { format: 'jsonl' | 'table'; framework: string; top: string }) => {
      if (opts.framework !== 'gcm')
        throw new AppError('not_found', `unknown framework ${opts.framework}`, { hint: 'available: gcm' });
      const top = Math.max(5, Number(opts.top) || 5);
      const classifier = defaultClassifier();
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let n = 0;
      let failed = false;
      const out: string[] = [];
      const flush = () => {
        if (out.length) process.stdout.write(`${out.join('\n')}\n`);
        out.length = 0;
      };
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        let parsed: z.infer<typeof inputSchema>;
        try {
          parsed = inputSchema.parse(JSON.parse(line));
        } catch (err) {
          failed = true;
          const message =
            err instanceof z.ZodError
              ? err.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ')
              : (err as Error).message;
          out.push(JSON.stringify({ line: n, error: message }));
          continue;
        }
        const result = classifier.classify(parsed.text, parsed.lang ? { lang: parsed.lang } : {});
        const objectives = result.objectives.slice(0, top);
        out.push(
          opts.format === 'jsonl'
            ? JSON.stringify({ id: parsed.id, lang: result.lang, objectives })
            : `${String(parsed.id).padEnd(12)} ${result.lang}  ${objectives
                .slice(0, 3)
                .map((o) => `${o.objective}${o.action ? ` ${o.action}` : ''} (${o.score.toFixed(2)})`)
                .join('  ')}`,
        );
        if (out.length >= 256) flush();
      }
      flush();
      if (failed) process.exitCode = 1;
    });
}
