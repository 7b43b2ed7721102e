import { escapeHtml, formatValue } from './format'

export interface BarSeries {
  name: string
  values: (number | null)[]
}

export interface BarChart {
  title: string
  unit: string
  categories: string[]
  series: BarSeries[]
}

/** Fixed colours (print-safe, distinct in grey): the report must not depend on the viewer's theme. */
const COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#b8860b', '#6a3d9a', '#555555']

const round = (value: number): string => value.toFixed(1)

/**
 * A horizontal grouped bar chart as inline SVG: one group per category, one bar per series,
 * value labels at the bars' ends. No scripts, fonts or links: it prints and opens offline.
 */
export function barChartSvg(chart: BarChart): string {
  const width = 720
  const labelWidth = 170
  const valueWidth = 90
  const barHeight = 14
  const gap = 10
  const legendHeight = 22 * Math.ceil(chart.series.length / 3)
  const plotWidth = width - labelWidth - valueWidth
  const groupHeight = chart.series.length * barHeight + gap
  const height = 30 + legendHeight + chart.categories.length * groupHeight + 10
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)))
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(chart.title)}">`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeHtml(chart.title)}</text>`,
  ]
  chart.series.forEach((series, i) => {
    const x = (i % 3) * 240
    const y = 30 + Math.floor(i / 3) * 22
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`)
    parts.push(`<text x="${x + 18}" y="${y + 11}" font-size="12">${escapeHtml(series.name)}</text>`)
  })
  chart.categories.forEach((category, c) => {
    const top = 30 + legendHeight + c * groupHeight
    parts.push(
      `<text x="${labelWidth - 8}" y="${round(top + (chart.series.length * barHeight) / 2 + 4)}" font-size="12" text-anchor="end">${escapeHtml(category)}</text>`,
    )
    chart.series.forEach((series, s) => {
      const value = series.values[c]
      const y = top + s * barHeight
      if (value === null || value === undefined) {
        parts.push(`<text x="${labelWidth + 4}" y="${y + 11}" font-size="11" fill="#777">n/a</text>`)
        return
      }
      const w = max > 0 ? (value / max) * plotWidth : 0
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${round(w)}" height="${barHeight - 2}" fill="${COLOURS[s % COLOURS.length]}"/>`,
      )
      parts.push(
        `<text x="${round(labelWidth + w + 4)}" y="${y + 11}" font-size="11">${escapeHtml(formatValue(value, chart.unit))}</text>`,
      )
    })
  })
  parts.push('</svg>')
  return parts.join('')
}

export interface LineChart {
  title: string
  xLabel: string
  yLabel: string
  series: { name: string; points: { x: number; y: number }[] }[]
}

/** Lines over a shared numeric x axis, as inline SVG with axis ticks at the ends and the middle. */
export function lineChartSvg(chart: LineChart): string {
  const width = 720
  const height = 300
  const left = 60
  const right = 20
  const top = 50
  const bottom = 40
  const points = chart.series.flatMap((s) => s.points)
  const [xMin, xMax] = [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))]
  const yMax = Math.max(1, ...points.map((p) => p.y))
  const px = (x: number): number => left + ((x - xMin) / (xMax - xMin || 1)) * (width - left - right)
  const py = (y: number): number => height - bottom - (y / yMax) * (height - top - bottom)
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(chart.title)}">`,
    `<text x="0" y="16" font-size="14" font-weight="bold">${escapeHtml(chart.title)}</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#888"/>`,
    `<text x="${(left + width - right) / 2}" y="${height - 6}" font-size="12" text-anchor="middle">${escapeHtml(chart.xLabel)}</text>`,
    `<text x="12" y="${(top + height - bottom) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 12 ${(top + height - bottom) / 2})">${escapeHtml(chart.yLabel)}</text>`,
  ]
  for (const x of [xMin, (xMin + xMax) / 2, xMax]) {
    parts.push(
      `<text x="${round(px(x))}" y="${height - bottom + 14}" font-size="11" text-anchor="middle">${escapeHtml(formatValue(x, ''))}</text>`,
    )
  }
  for (const y of [0, yMax / 2, yMax]) {
    parts.push(
      `<text x="${left - 6}" y="${round(py(y) + 4)}" font-size="11" text-anchor="end">${escapeHtml(formatValue(y, ''))}</text>`,
    )
  }
  chart.series.forEach((series, i) => {
    const colour = COLOURS[i % COLOURS.length]
    const path = series.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${round(px(p.x))} ${round(py(p.y))}`).join(' ')
    parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`)
    parts.push(`<rect x="${left + i * 160}" y="28" width="12" height="12" fill="${colour}"/>`)
    parts.push(`<text x="${left + i * 160 + 18}" y="39" font-size="12">${escapeHtml(series.name)}</text>`)
  })
  parts.push('</svg>')
  return parts.join('')
}
