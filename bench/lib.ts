import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The input corpus: ../shared/corpus when it is beside the repo, else the test fixtures. */
export function corpus(): { name: string; bytes: Buffer }[] {
  const shared = join(import.meta.dirname, '../../shared/corpus');
  const dir = existsSync(shared) ? shared : join(import.meta.dirname, '../test/fixtures/corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Runs `fn` `runs` times after `warmup` runs; returns each run's milliseconds, sorted. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** Samples RSS while work runs, so a figure reports the peak rather than the end state. */
export function trackPeakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export const mb = (bytes: number) => bytes / 1024 / 1024;
export const fmt = (n: number, digits = 1) => n.toFixed(digits);
