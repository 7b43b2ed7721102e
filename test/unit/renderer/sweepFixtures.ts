import type { MetricSpread, SweepDetailDto, SweepPointDto, SweepSummaryDto } from '../../../contract/api'
import { scenario } from './fixtures'

/** Hand-made sweeps for renderer tests. */
export function sweepSummary(id: number, patch: Partial<SweepSummaryDto> = {}): SweepSummaryDto {
  return {
    id,
    label: null,
    status: 'running',
    scenarioName: 'serving',
    systems: ['sn40l-node', 'dgx-h100'],
    axes: [{ path: 'serving.experts', values: [10, 100, 1000] }],
    seeds: 1,
    points: 3,
    done: 0,
    failed: 0,
    sweepHash: `hash-${id}`,
    simulatorVersion: '0.9.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    error: null,
    ...patch,
  }
}

export const spread = (p50: number, p5 = p50, p95 = p50): MetricSpread => ({ p5, p50, p95 })

export function point(
  index: number,
  values: SweepPointDto['values'],
  metrics: SweepPointDto['metrics'],
  status: SweepPointDto['status'] = 'done',
): SweepPointDto {
  return { index, values, status, error: null, metrics }
}

export function sweepDetail(
  summary: SweepSummaryDto,
  pointsData: SweepPointDto[],
  crossovers: SweepDetailDto['crossovers'] = [],
): SweepDetailDto {
  return { ...summary, scenario, pointsData, crossovers }
}
