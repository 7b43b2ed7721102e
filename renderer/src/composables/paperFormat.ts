import { formatSeconds } from '../format/quantities'

/** Pure formatting of the paper check's numbers, as `memwall paper` prints them. */

const SYSTEM_NAMES: Record<string, string> = {
  'sn40l-node': 'SN40L node',
  'dgx-h100': 'DGX H100',
  'dgx-a100': 'DGX A100',
}

export function systemName(id: string): string {
  return SYSTEM_NAMES[id] ?? id
}

/** A ratio such as a speedup, one decimal: `3.7×`. */
export function factor(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)}×` : '—'
}

/** (simulated / published − 1) in percent; null without a usable published value. */
export function errorPercent(simulated: number, published: number | null | undefined): number | null {
  if (published === null || published === undefined || published === 0 || !Number.isFinite(simulated)) return null
  return (simulated / published - 1) * 100
}

/** `+0.4%`, `-2.8%`, or empty where nothing was published. */
export function formatError(percent: number | null): string {
  if (percent === null) return ''
  const rounded = Number(percent.toFixed(1))
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}%`
}

export function seconds(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatSeconds(value)
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—'
}

/** An assumption's value for a table cell: strings as they are, everything else as JSON. */
export function assumptionValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return JSON.stringify(value) ?? String(value)
}
