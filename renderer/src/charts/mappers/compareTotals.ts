import type { ChartData } from 'chart.js'
import type { RunDetailDto } from '../../../../contract/api'
import { seriesColor } from '../palette'

/** How a run is named in legends and tables: `#12 Llama batch 8 (label)`. */
export function runCaption(run: Pick<RunDetailDto, 'id' | 'scenarioName' | 'label'>): string {
  return `#${run.id} ${run.scenarioName}${run.label ? ` (${run.label})` : ''}`
}

/** Systems across the runs by id, in order of first appearance, with the name each run reported. */
export function systemsOf(runs: readonly RunDetailDto[]): { id: string; name: string }[] {
  const seen = new Map<string, string>()
  for (const run of runs)
    for (const system of run.result?.systems ?? [])
      if (!seen.has(system.systemId)) seen.set(system.systemId, system.systemName)
  return [...seen].map(([id, name]) => ({ id, name }))
}

/**
 * Grouped bars: one group per system, one bar per run, the height the run's total seconds.
 * Runs without a result are left out; a system a run did not include, or that ran out of memory
 * in it, is `null` (no bar).
 */
export function compareTotalsChartData(runs: readonly RunDetailDto[]): ChartData<'bar', (number | null)[], string> {
  const withResult = runs.filter((run) => run.result !== null)
  const systems = systemsOf(withResult)
  return {
    labels: systems.map((system) => system.name),
    datasets: withResult.map((run, index) => ({
      label: runCaption(run),
      backgroundColor: seriesColor(index),
      data: systems.map(
        (system) => run.result!.systems.find((s) => s.systemId === system.id)?.metrics?.totalSeconds ?? null,
      ),
    })),
  }
}
