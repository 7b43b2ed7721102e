import { OVERRIDABLE_FIGURE, OVERRIDABLE_FIGURES, PRECISIONS } from '../../../contract/api'

/**
 * Units the editor shows scenario figures in. The schema stores SI base units (bytes, bytes/s,
 * FLOP/s, seconds); people read GB, GB/s, TFLOP/s and µs, as format/quantities.ts prints them.
 */
export interface Unit {
  label: string
  /** SI value = shown value × scale. */
  scale: number
}

export const UNITS = {
  flops: { label: 'TFLOP/s', scale: 1e12 },
  gigabytes: { label: 'GB', scale: 1e9 },
  megabytes: { label: 'MB', scale: 1e6 },
  bandwidth: { label: 'GB/s', scale: 1e9 },
  microseconds: { label: 'µs', scale: 1e-6 },
  milliseconds: { label: 'ms', scale: 1e-3 },
  fraction: { label: 'fraction of peak, 0–1', scale: 1 },
  chips: { label: 'chips', scale: 1 },
} as const satisfies Record<string, Unit>

/**
 * The unit of a SystemSpec field by its key (the custom-system editor's); null for plain numbers.
 */
const BY_KEY: Record<string, Unit> = {
  // A spec field that is also an overridable figure (η, call costs, latencies, copy rate…) has
  // the figure's own unit: one owner, the core's table.
  ...Object.fromEntries(OVERRIDABLE_FIGURES.map((key) => [key, OVERRIDABLE_FIGURE[key].unit])),
  peakFlops: UNITS.flops,
  sramBytes: UNITS.megabytes,
  hbmBytes: UNITS.gigabytes,
  bytes: UNITS.gigabytes,
  hbmBandwidth: UNITS.bandwidth,
  bandwidth: UNITS.bandwidth,
  perChipCopyBandwidth: UNITS.bandwidth,
  chipCount: UNITS.chips,
  // A chip's peak at each precision (chip.precisionPeaks), keyed by the precision's id.
  ...Object.fromEntries(PRECISIONS.map((id) => [id, UNITS.flops])),
}

export function unitOf(key: string): Unit | null {
  return BY_KEY[key] ?? null
}

/** 12 significant digits: enough for any figure, few enough that 2e12/1e12 prints as 2. */
const tidy = (value: number): number => Number(value.toPrecision(12))

export function toDisplay(value: number, unit: Unit | null | undefined): number {
  return unit ? tidy(value / unit.scale) : value
}

export function fromDisplay(value: number, unit: Unit | null | undefined): number {
  return unit ? tidy(value * unit.scale) : value
}
