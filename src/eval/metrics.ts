/**
 * Evaluation metrics for ranked objective predictions against gold labels (docs/ANNOTATION.md):
 * top-1 (the first prediction is the primary or an acceptable label), top-3 (the primary is among
 * the first three), micro and macro F1 of the thresholded first prediction, and how often passages
 * about no objective stay below the threshold.
 */

export interface GoldItem {
  id: string;
  lang: string;
  primary: number | null;
  acceptable: number[];
}

export interface Prediction {
  /** Objectives best first with scores. */
  ranked: { objective: number; score: number }[];
}

export interface Metrics {
  n: number;
  labelled: number;
  top1: number;
  top3: number;
  microF1: number;
  macroF1: number;
  /** Share of no-objective passages whose best score stays under the threshold. */
  noneRejected: number | null;
  perObjective: Map<number, { support: number; top1: number; top3: number; f1: number }>;
}

export function evaluate(items: GoldItem[], predictions: Prediction[], threshold: number): Metrics {
  const tp = new Map<number, number>();
  const fp = new Map<number, number>();
  const fn = new Map<number, number>();
  const per = new Map<number, { support: number; top1: number; top3: number }>();
  const inc = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  let labelled = 0;
  let top1 = 0;
  let top3 = 0;
  let none = 0;
  let noneOk = 0;
  items.forEach((item, i) => {
    const ranked = predictions[i]?.ranked ?? [];
    const best = ranked[0];
    const predicted = best && best.score >= threshold ? best.objective : null;
    const gold = new Set(item.primary === null ? [] : [item.primary, ...item.acceptable]);
    if (predicted !== null) inc(gold.has(predicted) ? tp : fp, predicted);
    if (item.primary === null) {
      none++;
      if (predicted === null) noneOk++;
      return;
    }
    if (predicted === null || !gold.has(predicted)) inc(fn, item.primary);
    labelled++;
    const hit1 = best !== undefined && gold.has(best.objective);
    const hit3 = ranked.slice(0, 3).some((r) => r.objective === item.primary);
    if (hit1) top1++;
    if (hit3) top3++;
    const p = per.get(item.primary) ?? { support: 0, top1: 0, top3: 0 };
    p.support++;
    if (hit1) p.top1++;
    if (hit3) p.top3++;
    per.set(item.primary, p);
  });
  const f1 = (t: number, f: number, n: number) => (t === 0 ? 0 : (2 * t) / (2 * t + f + n));
  const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const perObjective = new Map<number, { support: number; top1: number; top3: number; f1: number }>();
  for (const [o, p] of per) {
    perObjective.set(o, {
      support: p.support,
      top1: p.top1 / p.support,
      top3: p.top3 / p.support,
      f1: f1(tp.get(o) ?? 0, fp.get(o) ?? 0, fn.get(o) ?? 0),
    });
  }
  const f1s = [...perObjective.values()].map((p) => p.f1);
  return {
    n: items.length,
    labelled,
    top1: labelled ? top1 / labelled : 0,
    top3: labelled ? top3 / labelled : 0,
    microF1: f1(sum(tp), sum(fp), sum(fn)),
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    noneRejected: none ? noneOk / none : null,
    perObjective,
  };
}
