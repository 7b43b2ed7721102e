/** Three significant digits, without a trailing `.0` run beyond what the precision needs. */
function significant(value: number): string {
  return Number(value.toPrecision(3)).toString()
}

/** A duration in the unit that keeps it readable: µs, ms below 1 s, s below 100 min. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—'
  const magnitude = Math.abs(seconds)
  if (magnitude === 0) return '0 s'
  if (magnitude < 1e-3) return `${significant(seconds * 1e6)} µs`
  if (magnitude < 1) return `${significant(seconds * 1e3)} ms`
  if (magnitude < 6000) return `${significant(seconds)} s`
  return `${significant(seconds / 60)} min`
}

/** Tokens per second, with thousands grouped. */
export function formatRate(tokensPerSecond: number): string {
  if (!Number.isFinite(tokensPerSecond)) return '—'
  const digits = tokensPerSecond >= 100 ? 0 : 1
  return `${tokensPerSecond.toLocaleString('en-US', { maximumFractionDigits: digits })} tok/s`
}

/** Bytes in decimal GB (as vendors quote HBM), or MB below 1 GB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—'
  if (Math.abs(bytes) < 1e9) return `${significant(bytes / 1e6)} MB`
  return `${significant(bytes / 1e9)} GB`
}

/** A speedup factor such as `2.35×`. */
export function formatFactor(factor: number): string {
  if (!Number.isFinite(factor)) return '—'
  return `${factor.toFixed(2)}×`
}

/** An ISO timestamp in the reader's locale; the raw text when it does not parse. */
export function formatTimestamp(iso: string | null): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}
