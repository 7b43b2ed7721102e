import type { SystemResult } from '../main/sim/result'
import { METRIC, SPECULATIVE_METRIC_NAMES, readMetric } from '../main/sim/registries'

/**
 * How every screen writes speculative decoding (docs/MODEL.md §4.1): `memwall show`, the
 * comparison report and the run page render this one table, so a split reads the same everywhere.
 * The two shares are the metric registry's (the report's rows and the Compare view list them too).
 */

/** One column: its header and, for a tooltip, how it is computed. */
export interface SpeculativeColumn {
  header: string
  how: string
}

/** The columns after the system's (which each screen names its own way: id or name). */
export const SPECULATIVE_COLUMNS: readonly SpeculativeColumn[] = [
  { header: 'Draft', how: 'The draft model that proposes tokens' },
  { header: 'k, α', how: 'Tokens proposed per step, and the probability that the target accepts each' },
  {
    header: 'Tokens per target pass',
    how: 'Expected tokens one verification pass yields: (1 − α^(k+1)) / (1 − α) [Leviathan et al. 2023, Eq. 1]',
  },
  { header: 'Target passes', how: 'Verification steps after the prefill: ⌈(N − 1) ÷ tokens per target pass⌉' },
  { header: 'Draft time', how: 'The draft’s prefill and its k passes per step' },
  { header: 'Target time', how: 'The target’s prefill and its verification passes' },
  ...SPECULATIVE_METRIC_NAMES.map((name) => ({ header: METRIC[name].label, how: METRIC[name].description })),
]

/** What the table shows, for its caption. */
export const SPECULATIVE_CAPTION =
  'Speculative decoding: the draft proposes k tokens per step, one target pass over k + 1 tokens verifies them; time split between the two models, prefill included (docs/MODEL.md §4.1)'

export interface SpeculativeTable {
  caption: string
  columns: readonly SpeculativeColumn[]
  /** One per system that decoded speculatively, its cells in the columns' order. */
  rows: { systemId: string; systemName: string; cells: string[] }[]
}

function seconds(value: number): string {
  if (value < 1e-3) return `${(value * 1e6).toFixed(1)} µs`
  if (value < 1) return `${(value * 1e3).toFixed(2)} ms`
  return `${value.toFixed(3)} s`
}

const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)

/**
 * The draft's and the target's share of time on each system that decoded speculatively; null
 * where none did (speculative decoding off, every system out of memory, or a result stored
 * before it existed).
 */
export function speculativeTable(systems: readonly SystemResult[]): SpeculativeTable | null {
  const rows = systems.flatMap((system) => {
    const run = system.speculative
    if (run === undefined) return []
    const cells = [
      run.draftModel,
      `k = ${run.proposedTokens}, α = ${run.acceptanceRate}`,
      run.expectedTokensPerStep.toFixed(2),
      String(run.steps),
      seconds(run.draftSeconds),
      seconds(run.targetSeconds),
      ...SPECULATIVE_METRIC_NAMES.map((name) => percent(readMetric(name, system, undefined))),
    ]
    return [{ systemId: system.systemId, systemName: system.systemName, cells }]
  })
  if (rows.length === 0) return null
  return {
    caption: SPECULATIVE_CAPTION,
    columns: SPECULATIVE_COLUMNS,
    rows,
  }
}
