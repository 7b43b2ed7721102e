import { beforeAll, describe, expect, it } from 'vitest'
import { paperReport, type PaperReport } from '../../../../../main/sim/paper/report'

let report: PaperReport
beforeAll(() => {
  report = paperReport()
})

describe('the paper reproduction', () => {
  it('reproduces NeMo’s published GPU latencies within ±10% from the presets’ own figures', () => {
    const published = report.gpuBaseline.filter((row) => row.publishedSeconds !== null)
    expect(published).toHaveLength(6)
    for (const row of published) expect(Math.abs(row.seconds / row.publishedSeconds! - 1)).toBeLessThan(0.1)
    // TP2 and TP4 are predictions from the same figures: NCCL's LL protocol adds 0.6 µs a step to
    // a decode all-reduce, so every doubling of the GPUs is faster, up to TP8
    for (const system of ['dgx-a100', 'dgx-h100']) {
      const byTp = (tp: number) =>
        report.gpuBaseline.find((r) => r.system === system && r.tp === tp && r.batch === 1)!.seconds
      expect(byTp(2)).toBeLessThan(byTp(1))
      expect(byTp(4)).toBeLessThan(byTp(2))
      expect(byTp(8)).toBeLessThan(byTp(4))
    }
  })

  it('switches models 15x and 31x faster than DGX H100 and A100 (±15%)', () => {
    expect(report.switching.speedup['dgx-h100']).toBeGreaterThan(15 * 0.85)
    expect(report.switching.speedup['dgx-h100']).toBeLessThan(15 * 1.15)
    expect(report.switching.speedup['dgx-a100']).toBeGreaterThan(31 * 0.85)
    expect(report.switching.speedup['dgx-a100']).toBeLessThan(31 * 1.15)
  })

  it('needs up to 19x fewer machines than a DGX H100 (±15%)', () => {
    expect(report.headlines.footprintRatio).toBeGreaterThan(19 * 0.85)
    expect(report.headlines.footprintRatio).toBeLessThan(19 * 1.15)
  })

  it('gains 2x (±15%) to at least 13x from operator fusion', () => {
    expect(report.headlines.fusionSpeedup.low).toBeGreaterThan(2 * 0.85)
    expect(report.headlines.fusionSpeedup.low).toBeLessThan(2 * 1.15)
    // Above 13x since 0.5.0: the SN40L's fused decode pays halving-doubling collectives (docs/MODEL.md §8).
    expect(report.headlines.fusionSpeedup.high).toBeGreaterThan(13 * 0.85)
    expect(report.headlines.fusionSpeedup.high).toBeLessThan(13 * 1.6)
  })

  it('serves a CoE faster than both DGXs, by more than the paper says since 0.5.0 (docs/MODEL.md §8)', () => {
    const coe = report.coe.find((row) => row.batch === 8 && row.outputTokens === 20)!
    expect(coe.speedup['dgx-h100']).toBeGreaterThan(3.7 * 0.85)
    expect(coe.speedup['dgx-a100']).toBeGreaterThan(6.6 * 0.85)
    expect(coe.speedup['dgx-a100']).toBeGreaterThan(coe.speedup['dgx-h100'])
  })

  it('carries every key the JSON contract names', () => {
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'simulatorVersion',
        'assumptions',
        'switching',
        'coe',
        'gpuHbmExpertCapacity',
        'footprint',
        'fusion',
        'monarch',
        'gpuBaseline',
        'llama31',
      ]),
    )
    expect(report.coe.map((row) => [row.batch, row.outputTokens])).toEqual([
      [1, 20],
      [8, 20],
      [1, 200],
      [8, 200],
    ])
    expect(report.footprint.map((row) => row.experts)).toEqual(Array.from({ length: 100 }, (_, i) => (i + 1) * 10))
    expect(report.fusion).toHaveLength(17)
    expect(report.assumptions['dgx-h100.memoryEfficiency']).toMatchObject({
      value: 0.85,
      source: expect.stringContaining('[Vidur]'),
    })
    expect(report.assumptions['dgx-h100.stepOverhead']).toMatchObject({ source: expect.stringContaining('NeMo') })
  })

  it('matches the fully fused Monarch intensity of the paper: 410.4 FLOP/byte', () => {
    // n = 1024: FLOPs 4n³ + 8n² = 4104 n²; bytes: input, two DFT matrices, twiddles, output = 5 n² BF16 = 10 n²
    expect(report.monarch.fullyFused).toBeCloseTo(410.4, 6)
  })
})
