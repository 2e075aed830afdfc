/** The p-th percentile of sorted values (nearest rank), to one decimal place. */
export function percentile(sorted: readonly number[], p: number): string {
  if (sorted.length === 0) return 'n/a';
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return (sorted[Math.max(0, index)] ?? 0).toFixed(1);
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

/** Growth from `before` to `after` as a signed percentage. */
export function growth(before: number, after: number): string {
  const percent = ((after - before) / before) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}
