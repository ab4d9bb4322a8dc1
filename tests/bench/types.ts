/** One line of `npm run bench`'s table. Every figure is a median over repeated runs unless `metric` says otherwise. */
export interface BenchRow {
  /** What is measured: "store", "match", "content", "search", "import" … */
  area: string;
  /** What the number is, with its conditions: "load 1,000-article pack (Chromium)". */
  metric: string;
  median: number;
  unit: string;
  /** The target, as text: "< 5000 ms". */
  target?: string;
  /** Extra figures worth printing: p95, max, sample count. */
  note?: string;
}

/** Median of a non-empty list of numbers. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
