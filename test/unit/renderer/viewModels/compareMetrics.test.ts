import { describe, expect, it } from 'vitest'
import { compareRows, HIGHLIGHT_RELATIVE } from '../../../../renderer/src/viewModels/compareMetrics'
import { resultMetrics } from '../../../../renderer/src/viewModels/resultMetrics'
import { detail, okSystem, outOfMemorySystem, phase, runResult } from '../fixtures'
import { servingSystem } from '../servingFixtures'

// Totals: run 1 SN40L 0.5 s, H100 1 s; run 2 SN40L 0.52 s (+4%), H100 out of memory, A100 2 s.
const run1 = detail(1, [okSystem('sn40l-node', 'SN40L', 0.1, 0.4), okSystem('dgx-h100', 'H100', 0.2, 0.8)])
const run2 = detail(2, [
  okSystem('sn40l-node', 'SN40L', 0.12, 0.4),
  outOfMemorySystem('dgx-h100', 'H100'),
  okSystem('dgx-a100', 'A100', 0.5, 1.5),
])
const row = (rows: ReturnType<typeof compareRows>, key: string) => rows.find((r) => r.key === key)!

describe('resultMetrics', () => {
  it('reads times, breakdown (prefill + decode), calls and memory of each system that ran', () => {
    const system = {
      ...okSystem('sn40l-node', 'SN40L', 0.1, 0.4),
      prefill: phase(0.1, { memory: 0.06 }, [], 32),
      decode: phase(0.4, { memory: 0.3 }, [], 608),
    }
    const metrics = resultMetrics(runResult([system, outOfMemorySystem('dgx-a100', 'A100')]))
    const value = (metric: string) => metrics.find((m) => m.metric === metric)?.value
    expect(value('totalSeconds')).toBe(0.5)
    expect(value('breakdownMemory')).toBeCloseTo(0.36, 15) // 0.06 + 0.3
    expect(value('kernelCalls')).toBe(640) // 32 + 608
    expect(value('requiredBytes')).toBe(14e9)
    expect(metrics.every((m) => m.systemId === 'sn40l-node')).toBe(true) // out of memory: nothing
    expect(metrics.every((m) => m.how.length > 0)).toBe(true)
  })

  it('adds the serving metrics and the mean switch time of a serving run', () => {
    const result = {
      ...runResult([okSystem('sn40l-node', 'SN40L', 0.1, 0.4)]),
      serving: [servingSystem('sn40l-node', 'SN40L')],
    }
    const metrics = resultMetrics(result)
    const value = (metric: string) => metrics.find((m) => m.metric === metric)?.value
    expect(value('servingLatencyP99')).toBe(0.3177)
    expect(value('servingHitRate')).toBe(0.7246)
    expect(value('servingLost')).toBe(10) // 4 dropped + 6 timed out
    expect(value('servingSwitchSeconds')).toBeCloseTo(76.9 / 5505, 15)
  })
})

describe('compareRows', () => {
  it('lines every metric up per system, with deltas against the baseline run', () => {
    const rows = compareRows([run1, run2], 1)
    const total = row(rows, 'sn40l-node:totalSeconds')
    expect(total.cells.map((cell) => cell.value)).toEqual([0.5, 0.52])
    expect(total.cells[0]).toMatchObject({ delta: null, relative: null, highlight: false }) // the baseline itself
    expect(total.cells[1]!.delta).toBeCloseTo(0.02, 15) // 0.52 − 0.5
    expect(total.cells[1]!.relative).toBeCloseTo(0.04, 12) // 0.02 / 0.5: below 5%
    expect(total.cells[1]!.highlight).toBe(false)
    const ttft = row(rows, 'sn40l-node:timeToFirstTokenSeconds')
    expect(ttft.cells[1]!.relative).toBeCloseTo(0.2, 12) // (0.12 − 0.1) / 0.1
    expect(ttft.cells[1]!.highlight).toBe(true)
  })

  it('keeps rows of systems missing from a run, with no value or delta there', () => {
    const rows = compareRows([run1, run2], 1)
    expect(row(rows, 'dgx-h100:totalSeconds').cells[1]).toMatchObject({ value: null, delta: null })
    expect(row(rows, 'dgx-a100:totalSeconds').cells).toMatchObject([{ value: null }, { value: 2, delta: null }])
    // grouped by system in order of first appearance
    expect([...new Set(rows.map((r) => r.systemId))]).toEqual(['sn40l-node', 'dgx-h100', 'dgx-a100'])
  })

  it('measures against whichever run is the baseline', () => {
    const total = row(compareRows([run1, run2], 2), 'sn40l-node:totalSeconds')
    expect(total.cells[0]!.relative).toBeCloseTo(-0.02 / 0.52, 12)
    expect(total.cells[1]!.delta).toBeNull()
  })

  it('highlights a change from a zero baseline, where the relative change is undefined', () => {
    const zero = detail(3, [{ ...okSystem('sn40l-node', 'SN40L', 0.1, 0.4), prefill: phase(0.1), decode: phase(0.4) }])
    const some = detail(4, [
      { ...okSystem('sn40l-node', 'SN40L', 0.1, 0.4), prefill: phase(0.1, { launch: 0.01 }), decode: phase(0.4) },
    ])
    const launch = row(compareRows([zero, some], 3), 'sn40l-node:breakdownLaunch')
    expect(launch.cells[1]).toMatchObject({ delta: 0.01, relative: null, highlight: true })
    expect(row(compareRows([zero, some], 3), 'sn40l-node:breakdownCompute').cells[1]).toMatchObject({
      relative: 0,
      highlight: false,
    })
    expect(HIGHLIGHT_RELATIVE).toBe(0.05)
  })
})
