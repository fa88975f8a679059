import { closeSync, ftruncateSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const THB = join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt');

describe('gcmt extract-actions and ingest', () => {
  it('prints the action rows of a plan as JSON in the DESIGN §5 shape', async () => {
    const res = await runCli(['extract-actions', THB]);
    expect(res.code).toBe(0);
    const rows = JSON.parse(res.stdout) as Record<string, unknown>[];
    const tables = rows.filter((r) => r.source === 'table');
    expect(tables).toHaveLength(10);
    expect(Object.keys(tables[0] ?? {})).toEqual(
      expect.arrayContaining([
        'title',
        'text',
        'responsible',
        'actors',
        'timing',
        'start',
        'end',
        'recurring',
        'section',
        'line',
        'source',
        'confidence',
        'objectives',
      ]),
    );
    expect(tables[8]).toMatchObject({
      title: 'Establishment of a website on HT coordination',
      actors: [{ name: 'Criminal Policy Department', level: 'federal' }],
      start: 2022,
      end: 2022,
    });
    const objectives = (tables[2] as { objectives: { objective: number; score: number }[] }).objectives;
    expect(objectives.length).toBeGreaterThanOrEqual(5);
  });

  it('prints CSV and tables too', async () => {
    const csv = await runCli(['extract-actions', THB, '--format', 'csv', '--tables-only']);
    expect(csv.stdout).toMatch(/^line,source,confidence,title,responsible,actors,timing,start,end/);
    // Multi-line cells are quoted, so records are counted by their first field.
    expect(csv.stdout.match(/^\d+,table,/gm)).toHaveLength(10);
    expect(csv.stdout).toContain(
      '"Ensure that appropriate communication is established between youth magistrates and magistrates specialising in HT\nEnsure',
    );
    const table = await runCli(['extract-actions', THB, '--format', 'table', '--tables-only']);
    expect(table.stdout.split('\n')[0]).toMatch(/^line\s+source\s+title\s+actors/);
  });

  it('refuses an oversized file without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-big-'));
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // 50 MB, sparse: costs no disk and no memory
    closeSync(fd);
    const res = await runCli(['extract-actions', big]);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(
      `Error: ${big} is 50.0 MB, the limit is 25.0 MB (set GCMT_MAX_FILE_MB to raise it)`,
    );
  });

  it('ingests files into the embedded database, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-ingest-'));
    const env = { GCMT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const first = await runCli(['ingest', THB, '--country', 'BE', '--type', 'action_plan'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/1 imported, 0 unchanged, 0 failed: \d+ passages, \d+ actions/);
    expect(first.stderr).toBe(''); // no progress bar when stderr is not a terminal
    const again = await runCli(['ingest', THB, join(dir, 'missing.txt')], { env });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/already imported as document 1/);
    expect(again.stdout).toMatch(/missing\.txt: not imported: cannot read .*no such file/);
  }, 60_000);
});
