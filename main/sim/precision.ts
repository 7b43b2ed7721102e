import type { Quantity } from './quantity'

/**
 * The numeric precisions a workload may run at, one entry each. Generated from it: the scenario
 * schema's `workload.precision`, BYTES_PER_ELEMENT, the chips' `precisionPeaks` fields, the
 * refusal of a precision a chip lacks, and through the contract the form's and the sweep's choices.
 * One element size throughout (weights, activations, KV cache): W8A8 at 8 bits (docs/MODEL.md §1.3).
 */
export interface PrecisionEntry {
  /** Bytes of one element. */
  bytesPerElement: number
  /** As datasheets write it. */
  label: string
  description: string
}

export const PRECISION = {
  bf16: {
    bytesPerElement: 2,
    label: 'BF16',
    description: "bfloat16, 2 bytes an element, at the chip's peakFlops (every chip has it)",
  },
  fp16: {
    bytesPerElement: 2,
    label: 'FP16',
    description: "IEEE half precision, 2 bytes an element, at the chip's dense FP16 peak",
  },
  fp8: {
    bytesPerElement: 1,
    label: 'FP8',
    description: "FP8 weights, activations and KV cache (W8A8, as TensorRT-LLM's FP8), 1 byte, at the dense FP8 peak",
  },
  int8: {
    bytesPerElement: 1,
    label: 'INT8',
    description: 'INT8 weights, activations and KV cache (W8A8, SmoothQuant-style), 1 byte, at the dense INT8 peak',
  },
} as const satisfies Record<string, PrecisionEntry>

export type Precision = keyof typeof PRECISION
/** The ids in registry order (a tuple, for `z.enum`). */
export const PRECISIONS = Object.keys(PRECISION) as [Precision, ...Precision[]]

/** The precision `ChipSpec.peakFlops` is quoted at: every chip has it. */
export const BASE_PRECISION = 'bf16' satisfies Precision
/** The precisions a chip lists in `precisionPeaks`, each only where its datasheet gives a peak. */
export type ExtraPrecision = Exclude<Precision, typeof BASE_PRECISION>
export const EXTRA_PRECISIONS = PRECISIONS.filter((id): id is ExtraPrecision => id !== BASE_PRECISION)

/** Bytes of one element at each precision. */
export const BYTES_PER_ELEMENT = Object.fromEntries(PRECISIONS.map((id) => [id, PRECISION[id].bytesPerElement])) as {
  readonly [P in Precision]: (typeof PRECISION)[P]['bytesPerElement']
}

/** What the peak lookups read of a chip (hardware/schema.ts's ChipSpec has it). */
export interface PeakChip {
  name: string
  peakFlops: Quantity
  precisionPeaks?: Partial<Record<ExtraPrecision, Quantity>> | undefined
}

/** The chip's dense peak at `precision`, with its source; undefined where the chip has none. */
export function peakFlopsAt(chip: PeakChip, precision: Precision): Quantity | undefined {
  return precision === BASE_PRECISION ? chip.peakFlops : chip.precisionPeaks?.[precision]
}

/** The precisions the chip has a peak for, in registry order. */
export function supportedPrecisions(chip: PeakChip): Precision[] {
  return PRECISIONS.filter((id) => peakFlopsAt(chip, id) !== undefined)
}

/** "a", "a or b", "a, b or c". */
function listed(words: readonly string[], last: 'and' | 'or'): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)!}`
}

/**
 * Why system `id` cannot run `precision`, or null when its chip has the peak. Never fall back to
 * BF16: a result at another precision than the one asked for would look like an answer.
 * `custom`: the scenario defines the system, so it may add the peak itself.
 */
export function precisionRefusal(id: string, chip: PeakChip, precision: Precision, custom = false): string | null {
  if (peakFlopsAt(chip, precision) !== undefined) return null
  const has = supportedPrecisions(chip)
  const labels = has.map((p) => PRECISION[p].label)
  const gives = has.length === 1 ? `${labels[0]!} only` : listed(labels, 'and')
  const add = custom ? `, or give its chip.precisionPeaks.${precision}` : ''
  return `${id}: the ${chip.name} has no ${PRECISION[precision].label} peak (its figures give ${gives}); choose ${listed(has, 'or')}${add}`
}
