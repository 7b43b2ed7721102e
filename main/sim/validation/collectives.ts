import * as z from 'zod'
import { allReduceSeconds } from '../perf/collectives'
import { linkOf } from '../perf/passTime'
import shipped from '../../../resources/validation/kernels/all-reduce.json'
import { presetAt } from './presetAt'
import { summarise, type ErrorSummary } from './summary'

/** Measured all-reduce times (format "memwall-collectives" v1, tools/importCollectives.ts). */
export const CollectiveFileSchema = z
  .object({
    format: z.literal('memwall-collectives'),
    version: z.literal(1),
    source: z.string().min(1),
    rows: z
      .array(
        z.object({
          system: z.string().min(1),
          chips: z.int().min(2),
          bytes: z.int().min(1),
          seconds: z.number().positive(),
        }),
      )
      .min(1),
  })
  .loose()

/** One measured all-reduce beside the model's. */
export interface CollectiveRowResult {
  system: string
  chips: number
  bytes: number
  measured: number
  /** Null where the system is not a preset or has fewer chips. */
  simulated: number | null
  error: number | null
}

export interface CollectiveCheck {
  source: string
  rows: CollectiveRowResult[]
  /** Over all rows; then per system and chips ("dgx-a100 × 8"), and per message size class. */
  summary: { all: ErrorSummary; bySystemChips: Record<string, ErrorSummary>; bySize: Record<string, ErrorSummary> }
}

/** Decode-sized messages (a hidden vector per sequence) are latency-bound; large ones bandwidth-bound. */
const SIZE_CLASSES = [
  { name: '≤ 64 KiB', upTo: 64 * 1024 },
  { name: '64 KiB – 4 MiB', upTo: 4 * 1024 * 1024 },
  { name: '> 4 MiB', upTo: Infinity },
]

function simulatedSeconds(system: string, chips: number, bytes: number): number | null {
  // The system on its default stack: its collective figures are the stack's (NCCL's, for NeMo).
  const resolved = presetAt(system, chips)
  return typeof resolved === 'string' ? null : allReduceSeconds(bytes, linkOf(resolved))
}

/** Every measured all-reduce of the shipped set against the model's collective, with the summary. */
export function checkCollectives(): CollectiveCheck {
  const file = CollectiveFileSchema.parse(shipped)
  const rows = file.rows.map((row) => {
    const simulated = simulatedSeconds(row.system, row.chips, row.bytes)
    return {
      system: row.system,
      chips: row.chips,
      bytes: row.bytes,
      measured: row.seconds,
      simulated,
      error: simulated === null ? null : simulated / row.seconds - 1,
    }
  })
  const scored = (subset: CollectiveRowResult[]): ErrorSummary =>
    summarise(subset.map((row) => ({ id: `${row.system} × ${row.chips}, ${row.bytes} B`, error: row.error })))
  const group = (key: (row: CollectiveRowResult) => string): Record<string, ErrorSummary> =>
    Object.fromEntries(
      [...new Set(rows.map(key))].map((name) => [name, scored(rows.filter((row) => key(row) === name))]),
    )
  return {
    source: file.source,
    rows,
    summary: {
      all: scored(rows),
      bySystemChips: group((row) => `${row.system} × ${row.chips}`),
      bySize: group((row) => SIZE_CLASSES.find((size) => row.bytes <= size.upTo)!.name),
    },
  }
}
