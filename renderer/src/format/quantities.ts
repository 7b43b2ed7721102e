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

/** A compute rate with an SI prefix: `312 TFLOP/s`, `1.5 GFLOP/s`. */
export function formatFlopRate(flopsPerSecond: number): string {
  if (!Number.isFinite(flopsPerSecond)) return '—'
  const prefixes: [number, string][] = [
    [1e15, 'P'],
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ]
  const [scale, prefix] = prefixes.find(([size]) => Math.abs(flopsPerSecond) >= size) ?? [1, '']
  return `${significant(flopsPerSecond / scale)} ${prefix}FLOP/s`
}

/** Operational intensity, FLOPs per byte moved. */
export function formatIntensity(flopsPerByte: number): string {
  if (!Number.isFinite(flopsPerByte)) return '—'
  return `${significant(flopsPerByte)} FLOP/B`
}

/** A parameter count as model cards give it: `6.74 B`, `176 B`, `350 M`. */
export function formatParameters(parameters: number): string {
  if (!Number.isFinite(parameters)) return '—'
  if (Math.abs(parameters) >= 1e12) return `${significant(parameters / 1e12)} T`
  if (Math.abs(parameters) >= 1e9) return `${significant(parameters / 1e9)} B`
  return `${significant(parameters / 1e6)} M`
}

/** A fraction as a percentage with one decimal: `0.2553` → `25.5%`. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—'
  return `${(fraction * 100).toFixed(1)}%`
}

/** Requests per second, three significant digits. */
export function formatRequestRate(requestsPerSecond: number): string {
  if (!Number.isFinite(requestsPerSecond)) return '—'
  return `${significant(requestsPerSecond)} req/s`
}

/** A count with thousands grouped: `20,000`. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return '—'
  return count.toLocaleString('en-US', { maximumFractionDigits: 2 })
}
