/** Colours of chart series, in order; distinguishable and readable on white. */
export const SERIES_COLORS = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9', '#84cc16', '#ec4899']

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!
}

/** Dash patterns of line series, in order: where two systems' lines coincide, both stay visible. */
const SERIES_DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3]]

export function seriesDash(index: number): number[] {
  return [...SERIES_DASHES[index % SERIES_DASHES.length]!]
}
