/**
 * Numbers as the reports print them: fixed rules, no locale (a report must come out byte for
 * byte the same on any machine), with the unit scaled to something readable.
 */
function significant(value: number, digits = 4): string {
  if (value === 0) return '0'
  const text = Number(value.toPrecision(digits)).toString()
  return text.includes('e') ? value.toExponential(digits - 1) : text
}

const SCALES: Record<string, [number, string][]> = {
  s: [
    [1, 's'],
    [1e-3, 'ms'],
    [1e-6, 'µs'],
    [1e-9, 'ns'],
  ],
  B: [
    [1e12, 'TB'],
    [1e9, 'GB'],
    [1e6, 'MB'],
    [1e3, 'kB'],
    [1, 'B'],
  ],
  tokens: [
    [1e6, 'M tokens'],
    [1e3, 'k tokens'],
    [1, 'tokens'],
  ],
}

export function formatValue(value: number, unit: string): string {
  if (unit === 'fraction') return `${significant(value * 100)} %`
  const scales = SCALES[unit]
  if (scales && value !== 0) {
    const [factor, name] = scales.find(([f]) => Math.abs(value) >= f) ?? scales[scales.length - 1]!
    return `${significant(value / factor)} ${name}`
  }
  return unit === '' ? significant(value) : `${significant(value)} ${unit}`
}

export function formatFactor(factor: number): string {
  return `${significant(factor, 3)}×`
}

/** A signed percentage, e.g. "+12.5 %", "−3.1 %"; "0 %" when equal. */
export function formatChange(relative: number): string {
  if (relative === 0) return '0 %'
  const text = significant(Math.abs(relative) * 100, 3)
  return `${relative > 0 ? '+' : '−'}${text} %`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** Orders strings by code point: the same on every machine, whatever its locale. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
