/** Small figures for the benchmark tables. */

/** The middle value (the upper one of the two middles for an even count, so it is a measured value). */
export function median(xs: readonly number[]): number {
  if (!xs.length) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export const seconds = (s: number) => `${s.toFixed(1)} s`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
export const ms = (x: number) => `${Math.round(x)} ms`;
