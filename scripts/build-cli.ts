/**
 * `npm run build` (also run by `npm install` / `npm ci` as the `prepare` script): bundles the CLI's
 * TypeScript into plain ES modules under node_modules/.cache/gcmt, so `gcmt` starts without
 * transpiling through tsx's loader thread (`gcmt classify` answers about 0.2 s sooner; see
 * bench/README.md). bin/gcmt.mjs uses the bundle only while it is newer than every source file and
 * falls back to tsx otherwise, so an edited source is never run stale and the build stays optional.
 * Packages stay external: they load from node_modules as they do under tsx.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
export const DEFAULT_OUTDIR = join(ROOT, 'node_modules/.cache/gcmt');

/**
 * Our modules find their data files through `import.meta.dirname`; in a bundle that is the chunk's
 * folder, so each use becomes the chunk's folder plus the path back to the module's own source
 * folder. Relative, so the checkout can move after the build.
 */
function sourceDirname(outdir: string): Plugin {
  return {
    name: 'source-dirname',
    setup(b) {
      b.onLoad({ filter: /\.tsx?$/ }, (args) => {
        const back = relative(outdir, dirname(args.path));
        const contents = readFileSync(args.path, 'utf8').replaceAll(
          'import.meta.dirname',
          `(import.meta.dirname + ${JSON.stringify(`/${back}`)})`,
        );
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** Builds the CLI bundle into `outdir` (replaced whole: built beside it, then renamed). */
export async function buildCli(outdir = DEFAULT_OUTDIR): Promise<void> {
  const staging = `${outdir}.tmp-${process.pid}`;
  await build({
    entryPoints: { main: join(ROOT, 'src/cli/main.ts') },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    plugins: [sourceDirname(outdir)],
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildCli(process.argv[2]);
}
