import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

describe('gcmt CLI (foundation)', () => {
  it('prints the Dutch title, commitment and actions of objective 10', async () => {
    const res = await runCli(['framework', 'show', '--objective', '10', '--lang', 'nl']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Doelstelling 10: Voorkomen, bestrijden en uitroeien van mensenhandel/);
    expect(res.stdout).toContain('Wij verbinden ons ertoe wetgevende of andere maatregelen te nemen');
    expect(res.stdout.match(/^10\([a-j]\) /gm)).toHaveLength(10);
  });

  it('prints JSON on request', async () => {
    const res = await runCli(['framework', 'show', '--objective', '3', '--format', 'json', '--lang', 'fr']);
    const body = JSON.parse(res.stdout);
    expect(body.title).toBe(
      'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration',
    );
    // No French action text ships: the English falls back, and says so by being English.
    expect(body.actions[0].text).toMatch(/^Launch and publicize/);
  });

  it('reports errors on one stderr line with a hint and a non-zero exit', async () => {
    const res = await runCli(['framework', 'show', '--objective', '24']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('Error: objective 24 does not exist (gcm has objectives 1-23)');
    expect(res.stdout).toBe('');
  });

  it('migrates, backs up and restores an embedded database through the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-cli-'));
    const env = { GCMT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const migrate = await runCli(['db', 'migrate'], { env });
    expect(migrate.stdout).toMatch(/applied migrations 1, 2 \(schema version 2, pglite\)/);
    const again = await runCli(['db', 'migrate'], { env });
    expect(again.stdout).toMatch(/already up to date/);
    const file = join(dir, 'backup.gz');
    const saved = await runCli(['db', 'backup', file], { env });
    expect(saved.stdout).toMatch(/framework_action 187/);
    const restored = await runCli(['db', 'restore', file], { env });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/objective 23/);
    const missing = await runCli(['db', 'restore', join(dir, 'nope.gz')], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^Error: .*nope\.gz/);
  }, 60_000);
});
