import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const THB = join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt');

describe('gcmt user, report, export and search', () => {
  it('goes from an ingested plan to a review for BE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-report-'));
    const env = { GCMT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    expect((await runCli(['ingest', THB, '--country', 'BE', '--type', 'action_plan'], { env })).code).toBe(0);

    const user = await runCli(['user', 'add', '--email', 'coord@example.org', '--role', 'coordinator'], {
      env,
      input: 'a long enough password\n',
    });
    expect(user.stdout).toMatch(/user 1 coord@example.org \(coordinator\) created/);
    const weak = await runCli(['user', 'add', '--email', 'x@example.org', '--role', 'reader'], {
      env,
      input: 'short\n',
    });
    expect(weak.stderr).toMatch(/^Error: the password must have at least 12 characters/);

    const md = await runCli(['report', '--country', 'BE', '--format', 'md'], { env });
    expect(md.stdout).toMatch(/^# Draft voluntary national review of the Global Compact for Migration — BE/);
    expect(md.stdout).toContain('## Objective 10: Prevent, combat and eradicate trafficking in persons');
    expect(md.stdout).toContain('Adapt the sheet for duty magistrates');

    const out = join(dir, 'review.docx');
    await runCli(['report', '--country', 'BE', '--format', 'docx', '--out', out], { env });
    expect((await mammoth.extractRawText({ buffer: readFileSync(out) })).value).toContain(
      'College of Public Prosecutors',
    );

    const csv = await runCli(['export', '--format', 'csv'], { env });
    expect(csv.stdout.split('\n')[0]).toBe(
      'id,title,status,start_year,end_year,document,country,responsible,objectives',
    );

    const hits = await runCli(['search', 'duty magistrates', '--lang', 'en', '--format', 'json'], { env });
    const rows = JSON.parse(hits.stdout) as { snippet: string }[];
    expect(rows.some((r) => r.snippet.includes('*magistrates*'))).toBe(true);
  }, 90_000);
});
