import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClassifier } from '../../src/classify/classifier.ts';
import { runCli } from '../helpers/cli.ts';

describe('gcmt classify (DESIGN §5 contract)', () => {
  it('answers each JSON line in order, reports malformed lines and exits 1', async () => {
    const input = [
      JSON.stringify({ id: 'p1', text: 'Smuggling networks must be dismantled through police cooperation.' }),
      '{broken',
      JSON.stringify({ id: 'p2', text: 'Slachtoffers van mensenhandel krijgen bescherming.', lang: 'nl' }),
      JSON.stringify({ id: 'p3' }),
    ].join('\n');
    const res = await runCli(['classify'], { input });
    expect(res.code).toBe(1);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'p1', lang: 'en' });
    expect(lines[0].objectives[0]).toMatchObject({ objective: 9 });
    expect(lines[0].objectives.length).toBeGreaterThanOrEqual(5);
    expect(lines[1]).toMatchObject({ line: 2 });
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2]).toMatchObject({ id: 'p2', lang: 'nl' });
    expect(lines[2].objectives[0].objective).toBe(10);
    expect(lines[3]).toMatchObject({ line: 4 });
  });

  it('exits 0 when every line is well formed, and prints a table on request', async () => {
    const res = await runCli(['classify', '--format', 'table'], {
      input: '{"id":"x","text":"Remittance costs must fall."}\n',
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^x\s+en\s+20/);
  });

  it('prints a lexicon for review', async () => {
    const res = await runCli(['lexicon', '--objective', '10', '--lang', 'nl']);
    expect(res.stdout).toMatch(/^Objective 10: .*mensenhandel/);
    expect(res.stdout).toContain('slachtoffers van mensenhandel');
  });

  it('trains the same model as the built-in one when no link has been confirmed yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-model-'));
    const out = join(dir, 'model.json');
    const res = await runCli(['model', 'train', '--out', out], { env: { GCMT_DATA_DIR: join(dir, 'data') } });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/\(0 confirmed links\)/);
    // Same training data (framework with glosses, lexicons, labelled passages), so the same version.
    const saved = JSON.parse(readFileSync(out, 'utf8')) as { version: string };
    expect(`${saved.version}+lex+tfidf`).toBe(buildClassifier().version);
  });
});
