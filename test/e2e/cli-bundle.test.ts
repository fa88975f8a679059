import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.ts';
import { runCli } from '../helpers/cli.ts';

// A bundle of its own (not the one bin/gcmt.mjs uses), so the test neither depends on nor
// disturbs the installed build.
const OUTDIR = join(import.meta.dirname, `../../node_modules/.cache/gcmt-test-${process.pid}`);
const FIXTURE = join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt');

function runBundle(args: string[], input = '') {
  return spawnSync(process.execPath, [join(OUTDIR, 'main.js'), ...args], { input, encoding: 'utf8' });
}

describe('the bundled CLI (scripts/build-cli.ts)', () => {
  beforeAll(() => buildCli(OUTDIR), 60_000);
  afterAll(() => rmSync(OUTDIR, { recursive: true, force: true }));

  it('answers exactly as the TypeScript sources do, data files included', async () => {
    const input = `${[
      { id: 'a', text: 'Les victimes de la traite des êtres humains reçoivent un titre de séjour.' },
      { id: 'b', text: 'Remittance costs must fall below 3 per cent.' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n')}\n`;
    const sources = { env: { GCMT_NO_BUNDLE: '1' } };
    for (const [args, stdin] of [
      [['classify'], input],
      [['extract-actions', FIXTURE, '--format', 'json'], ''],
      [['framework', 'show', '--objective', '10', '--lang', 'de', '--format', 'json'], ''],
    ] as const) {
      const bundled = runBundle([...args], stdin);
      const direct = await runCli([...args], { ...sources, input: stdin });
      expect(bundled.stderr).toBe('');
      expect(bundled.status).toBe(0);
      expect(bundled.stdout.length).toBeGreaterThan(100);
      expect(bundled.stdout).toBe(direct.stdout);
    }
  }, 60_000);

  it('keeps the CLI error boundary', () => {
    const res = runBundle(['extract-actions', '/nonexistent/plan.pdf']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^Error: .+\n$/);
  });
});
