import { describe, expect, it } from 'vitest';
import { evaluate } from './metrics.ts';

const ranked = (...objectives: [number, number][]) => ({
  ranked: objectives.map(([objective, score]) => ({ objective, score })),
});

describe('evaluate', () => {
  it('counts top-1 against primary or acceptable labels and top-3 against the primary', () => {
    const m = evaluate(
      [
        { id: 'a', lang: 'en', primary: 10, acceptable: [] },
        { id: 'b', lang: 'en', primary: 16, acceptable: [18] },
        { id: 'c', lang: 'en', primary: 5, acceptable: [] },
        { id: 'd', lang: 'en', primary: null, acceptable: [] },
      ],
      [
        ranked([10, 0.9]),
        ranked([18, 0.8], [16, 0.7]),
        ranked([1, 0.6], [2, 0.5], [3, 0.4], [5, 0.3]),
        ranked([7, 0.2]),
      ],
      0.5,
    );
    expect(m.labelled).toBe(3);
    expect(m.top1).toBeCloseTo(2 / 3);
    expect(m.top3).toBeCloseTo(2 / 3);
    expect(m.noneRejected).toBe(1);
    // TP: 10, 18. FP: 1. FN: 5. micro F1 = 4 / (4 + 1 + 1)
    expect(m.microF1).toBeCloseTo(4 / 6);
    expect(m.perObjective.get(5)).toEqual({ support: 1, top1: 0, top3: 0, f1: 0 });
  });
});
