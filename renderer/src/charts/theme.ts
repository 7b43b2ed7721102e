import { SERIES_COLORS } from './palette'

/** The custom properties (styles/theme.css) that carry the chart series colours, in order. */
export const CHART_SERIES_VARIABLES = SERIES_COLORS.map((_, index) => `--chart-series-${index + 1}`)

/** What this file reads of a computed style; tests pass a plain object. */
export interface StyleSource {
  getPropertyValue(name: string): string
}

export interface ChartTheme {
  text: string
  grid: string
  series: string[]
}

function read(style: StyleSource, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback
}

/** The theme's chart colours; palette.ts's colours stand in for any variable not set. */
export function chartTheme(style: StyleSource): ChartTheme {
  return {
    text: read(style, '--chart-text', '#374151'),
    grid: read(style, '--chart-grid', '#e5e7eb'),
    series: CHART_SERIES_VARIABLES.map((name, index) => read(style, name, SERIES_COLORS[index]!)),
  }
}

/** The few Chart.js defaults a theme changes: text and grid lines (`Chart.defaults`). */
export interface ChartDefaultsLike {
  color: unknown
  borderColor: unknown
}

export function applyChartTheme(defaults: ChartDefaultsLike, theme: ChartTheme): void {
  defaults.color = theme.text
  defaults.borderColor = theme.grid
}

/** The media query theme.css switches on. */
export const DARK_QUERY = '(prefers-color-scheme: dark)'

/** A chart's own scale options, as Chart.js copies them from the defaults when it is built. */
interface ScaleColors {
  grid?: { color?: unknown }
  ticks?: { color?: unknown }
  title?: { color?: unknown }
}

/**
 * Moves a live chart's scales from the `previous` theme's colours to `next`: Chart.js copies the
 * default grid and tick colours into each chart's options, so changing the defaults alone leaves
 * drawn charts as they were. Colours a chart set for itself (anything but the previous theme's) stay.
 */
export function recolorScales(
  scales: Record<string, ScaleColors | undefined> | undefined,
  previous: ChartTheme,
  next: ChartTheme,
): void {
  const swap = (part: { color?: unknown } | undefined, from: string, to: string): void => {
    if (part && (part.color === undefined || part.color === from)) part.color = to
  }
  for (const scale of Object.values(scales ?? {})) {
    swap(scale?.grid, previous.grid, next.grid)
    swap(scale?.ticks, previous.text, next.text)
    swap(scale?.title, previous.text, next.text)
  }
}
