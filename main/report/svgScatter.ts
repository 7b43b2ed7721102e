import { escapeHtml } from './format'

/** How a point is drawn: circles and diamonds tell two kinds of point apart in grey print too. */
export type ScatterShape = 'circle' | 'diamond'

export interface ScatterPoint {
  /** Both axes are logarithmic: x and y must be positive. */
  x: number
  y: number
  colour: string
  shape: ScatterShape
  /** The point's tooltip. */
  title: string
}

export interface LogScatter {
  title: string
  xTitle: string
  yTitle: string
  points: ScatterPoint[]
  /** A tick value as its axis label. */
  tickLabel: (value: number) => string
  /** Swatches under the plot, one a line. */
  colours: { label: string; colour: string }[]
  /** Shape keys on one line under the swatches. */
  shapes: { label: string; shape: ScatterShape }[]
}

/** The shaded bands around y = x, as fractions of x: within ±10 % and within ±25 %. */
export const SCATTER_BANDS = [0.1, 0.25] as const
/** Inner band darker, so the nested bands read apart. */
const BAND_FILLS = ['#d6e0ee', '#eef2f7']

// Geometry: a square plot, ticks and axis titles below and left, the legend under it.
const SIZE = 240
const LEFT = 70
const TOP = 30
const BOTTOM = 44
const LINE = 18
const WIDTH = LEFT + SIZE + 20
/** Legend shapes sit this far apart on their line. */
const SHAPE_STEP = 60
const round = (value: number): string => value.toFixed(1)

/** Tick values on a log axis from 10^lo to 10^hi: decades, else 1-2-5 steps, else the two ends. */
function logTicks(lo: number, hi: number): number[] {
  const within = (steps: number[]): number[] => {
    const values: number[] = []
    for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
      for (const step of steps) {
        const value = step * 10 ** k
        if (Math.log10(value) >= lo && Math.log10(value) <= hi) values.push(value)
      }
    }
    return values
  }
  const decades = within([1])
  if (decades.length >= 2) return decades
  const finer = within([1, 2, 5])
  return finer.length >= 2 ? finer : [10 ** lo, 10 ** hi]
}

function marker(shape: ScatterShape, x: number, y: number, colour: string, title: string): string {
  const tip = `<title>${escapeHtml(title)}</title>`
  return shape === 'circle'
    ? `<circle cx="${round(x)}" cy="${round(y)}" r="4" fill="${colour}" stroke="#fff">${tip}</circle>`
    : `<polygon points="${round(x)},${round(y - 5)} ${round(x + 5)},${round(y)} ${round(x)},${round(y + 5)} ${round(x - 5)},${round(y)}" fill="${colour}" stroke="#fff">${tip}</polygon>`
}

/**
 * A log-log scatter with the y = x diagonal and the shaded bands of SCATTER_BANDS around it,
 * both axes on one scale. Inline SVG with no scripts, fonts or links: it prints and opens offline.
 */
export function logScatterSvg(chart: LogScatter): string {
  const values = chart.points.flatMap((p) => [p.x, p.y])
  // Wider than the widest band, so a point on the band's edge still sits inside the plot.
  const margin = 1.1 + Math.max(...SCATTER_BANDS)
  const lo = Math.log10(Math.min(...values) / margin)
  const hi = Math.log10(Math.max(...values) * margin)
  const at = (value: number): number => ((Math.log10(value) - lo) / (hi - lo)) * SIZE
  const point = (x: number, y: number): string => `${round(at(x))},${round(SIZE - at(y))}`
  const [a, b] = [10 ** lo, 10 ** hi]
  const band = (f: number, fill: string): string =>
    `<polygon points="${point(a, a * (1 - f))} ${point(b, b * (1 - f))} ${point(b, b * (1 + f))} ${point(a, a * (1 + f))}" fill="${fill}"/>`
  // Widest first, so the narrower bands lie on top of it.
  const bands = SCATTER_BANDS.map((f, i) => band(f, BAND_FILLS[i % BAND_FILLS.length]!)).reverse()
  const legendTop = TOP + SIZE + BOTTOM
  const height = legendTop + (chart.colours.length + 1) * LINE + 4
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(chart.title)}">`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeHtml(chart.title)}</text>`,
    // A nested viewport clips the bands and the diagonal to the plot.
    `<svg x="${LEFT}" y="${TOP}" width="${SIZE}" height="${SIZE}" overflow="hidden">`,
    ...bands,
    `<line x1="0" y1="${SIZE}" x2="${SIZE}" y2="0" stroke="#888" stroke-dasharray="4 3"/>`,
    ...chart.points.map((p) => marker(p.shape, at(p.x), SIZE - at(p.y), p.colour, p.title)),
    '</svg>',
    `<rect x="${LEFT}" y="${TOP}" width="${SIZE}" height="${SIZE}" fill="none" stroke="#888"/>`,
  ]
  for (const tick of logTicks(lo, hi)) {
    const label = escapeHtml(chart.tickLabel(tick))
    const x = LEFT + at(tick)
    const y = TOP + SIZE - at(tick)
    parts.push(
      `<text x="${round(x)}" y="${TOP + SIZE + 14}" font-size="10" text-anchor="middle">${label}</text>`,
      `<text x="${LEFT - 4}" y="${round(y + 3)}" font-size="10" text-anchor="end">${label}</text>`,
    )
  }
  const middle = TOP + SIZE / 2
  parts.push(
    `<text x="${LEFT + SIZE / 2}" y="${TOP + SIZE + 32}" font-size="12" text-anchor="middle">${escapeHtml(chart.xTitle)}</text>`,
    `<text x="12" y="${middle}" font-size="12" text-anchor="middle" transform="rotate(-90 12 ${middle})">${escapeHtml(chart.yTitle)}</text>`,
  )
  chart.colours.forEach(({ label, colour }, i) => {
    const y = legendTop + i * LINE
    parts.push(
      `<rect x="0" y="${y}" width="12" height="12" fill="${colour}"/>`,
      `<text x="18" y="${y + 11}" font-size="12">${escapeHtml(label)}</text>`,
    )
  })
  const shapesY = legendTop + chart.colours.length * LINE
  chart.shapes.forEach(({ label, shape }, i) => {
    const x = i * SHAPE_STEP
    parts.push(
      marker(shape, x + 6, shapesY + 6, '#444', label),
      `<text x="${x + 18}" y="${shapesY + 11}" font-size="12">${escapeHtml(label)}</text>`,
    )
  })
  parts.push('</svg>')
  return parts.join('')
}
