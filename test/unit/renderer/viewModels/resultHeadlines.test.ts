import { describe, expect, it } from 'vitest'
import { resultHeadlines } from '../../../../renderer/src/viewModels/resultHeadlines'
import { okSystem, outOfMemorySystem, runResult, scenario } from '../fixtures'
import { servingConfig, servingSystem } from '../servingFixtures'

// Totals: SN40L 0.0125 + 0.0225 = 35 ms, H100 0.05 + 0.0795 = 129.5 ms, A100 0.1 + 0.159 = 259 ms.
const sn40l = okSystem('sn40l-node', 'SN40L node', 0.0125, 0.0225)
const h100 = okSystem('dgx-h100', 'DGX H100', 0.05, 0.0795)
const a100 = okSystem('dgx-a100', 'DGX A100', 0.1, 0.159)

describe('resultHeadlines', () => {
  it('says how much faster each system is than each other, by total time', () => {
    const { cards } = resultHeadlines(runResult([sn40l, h100, a100]))
    expect(cards.map((card) => [card.kind, card.value, card.text])).toEqual([
      ['speedup', '3.70×', 'SN40L node is 3.70× faster than DGX H100'], // 129.5 / 35 = 3.7
      ['speedup', '7.40×', 'SN40L node is 7.40× faster than DGX A100'], // 259 / 35 = 7.4
      ['speedup', '2.00×', 'DGX H100 is 2.00× faster than DGX A100'], // 259 / 129.5 = 2
    ])
    expect(cards[0]!.how).toContain('DGX H100 130 ms ÷ SN40L node 35 ms of total time')
    expect(cards[0]!.how).toContain('docs/MODEL.md §4')
  })

  it('orders each pair fastest first, whatever the systems’ order', () => {
    expect(resultHeadlines(runResult([a100, sn40l])).cards[0]!.text).toBe('SN40L node is 7.40× faster than DGX A100')
  })

  it('says why cards are missing: a system out of memory, no footprint, no serving', () => {
    const { cards, notes } = resultHeadlines(runResult([sn40l, outOfMemorySystem('dgx-a100', 'DGX A100')]))
    expect(cards).toEqual([])
    expect(notes.map((note) => note.kind)).toEqual(['speedup', 'speedup', 'footprint', 'switch'])
    expect(notes[0]!.text).toContain('DGX A100 has no total time: out of memory')
    expect(notes[2]!.text).toContain('no serving simulation')
    expect(notes[3]!.text).toContain('served no traffic')
  })

  it('uses the mean end-to-end latency and the mean switch time of a serving run', () => {
    const result = {
      ...runResult([sn40l, h100]),
      scenario: {
        ...scenario,
        serving: servingConfig({ experts: 100, traffic: { kind: 'poisson', rate: 1 }, requests: 10 }),
      },
      serving: [
        // e2e means (p50 + p90) / 2: SN40L (0.05 + 0.15) / 2 = 0.1 s, H100 (0.3 + 0.5) / 2 = 0.4 s
        servingSystem('sn40l-node', 'SN40L node', {
          e2e: { count: 10, mean: 0.1, p50: 0.05, p90: 0.15, p99: 0.2, max: 0.3 },
          switching: { count: 100, seconds: 1.4, shareOfBusy: 0.1 }, // 14 ms per switch
        }),
        servingSystem('dgx-h100', 'DGX H100', {
          e2e: { count: 10, mean: 0.4, p50: 0.3, p90: 0.5, p99: 0.6, max: 0.7 },
          switching: { count: 10, seconds: 2.1, shareOfBusy: 0.5 }, // 210 ms per switch
        }),
      ],
    }
    const { cards } = resultHeadlines(result)
    expect(cards.map((card) => [card.kind, card.value])).toEqual([
      ['speedup', '4.00×'], // 0.4 / 0.1
      ['switch', '15.00×'], // 0.21 / 0.014
    ])
    expect(cards[0]!.how).toContain('mean end-to-end latency')
    expect(cards[1]!.text).toBe('SN40L node switches a model 15.00× faster than DGX H100')
    expect(cards[1]!.how).toContain('DGX H100 210 ms ÷ SN40L node 14 ms per switch')
  })

  it('compares footprints at the scenario’s expert count where the result carries them', () => {
    const result = {
      ...runResult([sn40l, h100]),
      scenario: {
        ...scenario,
        serving: servingConfig({ experts: 1000, traffic: { kind: 'poisson', rate: 1 }, requests: 10 }),
      },
      footprint: [
        { systemId: 'sn40l-node', systemName: 'SN40L node', points: [{ experts: 1000, nodes: 2 }] },
        { systemId: 'dgx-h100', systemName: 'DGX H100', points: [{ experts: 1000, nodes: 22 }] }, // ⌈1000 / 46⌉
      ],
    }
    const footprint = resultHeadlines(result).cards.find((card) => card.kind === 'footprint')!
    expect(footprint.value).toBe('11.00×') // 22 / 2
    expect(footprint.text).toBe('SN40L node needs 11.00× fewer nodes than DGX H100 for 1,000 experts')
    expect(footprint.how).toContain('DGX H100 22 nodes ÷ SN40L node 2 nodes')
  })
})
