import type { ChartData } from 'chart.js'
import type { RunDetailDto } from '../../../../contract/api'
import { seriesColor } from '../palette'
import { runCaption } from './compareTotals'
import { switchTimes } from './switchTime'

/** Systems that switched experts in any of the runs, by id in order of first appearance. */
function switchingSystems(runs: readonly RunDetailDto[]): { id: string; name: string }[] {
  const seen = new Map<string, string>()
  for (const run of runs)
    for (const time of run.result ? switchTimes(run.result) : [])
      if (!seen.has(time.systemId)) seen.set(time.systemId, time.systemName)
  return [...seen].map(([id, name]) => ({ id, name }))
}

/** Runs that have no switch time at all, with why: the chart leaves them out and says so. */
export function runsWithoutSwitching(
  runs: readonly RunDetailDto[],
): { runId: number; caption: string; reason: string }[] {
  return runs.flatMap((run) => {
    if (!run.result) return []
    if (!run.result.serving)
      return [{ runId: run.id, caption: runCaption(run), reason: 'served no traffic, so switched no expert' }]
    if (switchTimes(run.result).every((time) => time.seconds === null))
      return [{ runId: run.id, caption: runCaption(run), reason: 'no system switched an expert' }]
    return []
  })
}

/**
 * Grouped bars of the mean time to switch one expert in (switching seconds ÷ switches): one
 * group per system that switched in any run, one bar per run that switched at all; null where a
 * system has none in that run.
 */
export function compareSwitchChartData(runs: readonly RunDetailDto[]): ChartData<'bar', (number | null)[], string> {
  const skipped = new Set(runsWithoutSwitching(runs).map((run) => run.runId))
  const shown = runs.filter((run) => run.result !== null && !skipped.has(run.id))
  const systems = switchingSystems(shown)
  return {
    labels: systems.map((system) => system.name),
    datasets: shown.map((run, index) => {
      const times = switchTimes(run.result!)
      return {
        label: runCaption(run),
        backgroundColor: seriesColor(index),
        data: systems.map((system) => times.find((time) => time.systemId === system.id)?.seconds ?? null),
      }
    }),
  }
}
