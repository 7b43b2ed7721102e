import { quantile } from 'simple-statistics'
import type { RunResult, ServingSystemResult, Spread, SweepMetric, SweepSummary } from './result'

const SERVING_METRICS: Record<SweepMetric, (s: ServingSystemResult) => number> = {
  latencyP50: (s: ServingSystemResult) => s.e2e.p50,
  latencyP99: (s: ServingSystemResult) => s.e2e.p99,
  ttftP50: (s: ServingSystemResult) => s.ttft.p50,
  requestsPerSecond: (s: ServingSystemResult) => s.throughput.requestsPerSecond,
  hitRate: (s: ServingSystemResult) => s.hitRate,
  switchShare: (s: ServingSystemResult) => s.switching.shareOfBusy,
  utilisation: (s: ServingSystemResult) => s.utilisation,
}

/** `count` consecutive seeds from `first`. */
export function sweepSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % 4294967296)
}

/** The spread of every serving metric over the runs of one scenario under different seeds. */
export function summariseSweep(runs: readonly RunResult[]): SweepSummary {
  const seeds = runs.map((run) => run.provenance.seed)
  const systemIds = runs[0]?.serving?.filter((s) => s.status === 'ok').map((s) => s.systemId) ?? []
  const systems = systemIds.map((systemId) => {
    const perSeed = runs.map((run) => run.serving!.find((s) => s.systemId === systemId)!)
    const metrics = Object.fromEntries(
      Object.entries(SERVING_METRICS).map(([name, pick]) => {
        const values = perSeed.map(pick)
        return [name, { p5: quantile(values, 0.05), p50: quantile(values, 0.5), p95: quantile(values, 0.95) }]
      }),
    ) as Record<SweepMetric, Spread>
    return { systemId, metrics }
  })
  return { seeds, systems }
}
