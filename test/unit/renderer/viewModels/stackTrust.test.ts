import { describe, expect, it } from 'vitest'
import { stackTrust } from '../../../../renderer/src/viewModels/stackTrust'
import { okSystem, runResult } from '../fixtures'
import { runPageRow, validationReport } from '../validationFixtures'

// The run: llama2-7b, batch 8, 1024 → 128 tokens (the fixture scenario), 8 chips per system.
const a100 = { ...okSystem('dgx-a100', 'DGX A100', 0.1, 1), stackId: 'nemo-2023' }

describe('stackTrust', () => {
  it('keeps the rows of the same hardware on the same stack only, nearest configuration first, at most 3', () => {
    const report = validationReport([
      runPageRow({ id: 'far-batch', batch: 1, error: 0.3 }), // log2(8/1) = 3 away
      runPageRow({ id: 'same', error: -0.042 }), // the run's own configuration: 0 away
      runPageRow({ id: 'other-stack', stack: 'trtllm-2024' }),
      runPageRow({ id: 'other-hardware', hardware: 'dgx-h100' }),
      runPageRow({ id: 'a100-40gb', chipChanged: true, error: 0.01 }), // the preset's id, another chip
      runPageRow({ id: 'unsupported', error: null, simulated: null }),
      runPageRow({ id: 'half-chips', chips: 4, error: 0.1, split: 'check' }), // 1 away
      runPageRow({ id: 'other-model', model: 'llama2-70b', chips: 4, error: 0.2 }), // 1 + 1 away
    ])
    const [entry] = stackTrust(runResult([a100]), report)
    expect(entry).toMatchObject({ systemId: 'dgx-a100', systemName: 'DGX A100', stack: 'NeMo 2023', empty: null })
    expect(entry!.rows!.map((row) => row.id)).toEqual(['same', 'half-chips', 'other-model'])
    expect(entry!.rows![0]).toEqual({
      id: 'same',
      configuration: 'llama2-7b, 8 × 1024 → 128 tokens, 8 chips, 16-bit',
      metric: 'end-to-end latency',
      split: 'fitted',
      error: '−4.2%',
      detail: 'measured 200.0 ms, simulated 210.0 ms',
    })
    expect(entry!.rows![1]).toMatchObject({ error: '+10.0%', split: 'held out' })
  })

  it('says so when the stack was never measured on that hardware', () => {
    const report = validationReport([runPageRow({ id: 'h100', hardware: 'dgx-h100' })])
    const [entry] = stackTrust(runResult([a100]), report)
    expect(entry!.rows).toEqual([])
    expect(entry!.empty).toBe('no published measurement of DGX A100 on NeMo 2023')
  })

  it('names own figures and an unrecorded stack, matching no measurement for either', () => {
    const report = validationReport([runPageRow({ id: 'same' })])
    const own = { ...okSystem('my-box', 'My box', 0.1, 1), stackId: null }
    const old = okSystem('dgx-a100', 'DGX A100', 0.1, 1) // stored before stacks: no stackId
    const [ownEntry, oldEntry] = stackTrust(runResult([own, old]), report)
    expect(ownEntry).toMatchObject({ stack: 'own figures', rows: [] })
    expect(ownEntry!.empty).toContain('own figures')
    expect(oldEntry).toMatchObject({ stack: 'not recorded', rows: [] })
    expect(oldEntry!.empty).toContain('does not record')
  })

  it('shows the stacks without rows or sentences while the report is not at hand', () => {
    expect(stackTrust(runResult([a100]), null)).toEqual([
      { systemId: 'dgx-a100', systemName: 'DGX A100', stack: 'NeMo 2023', rows: null, empty: null, overridden: null },
    ])
  })

  it('says when the run overrode the stack’s figures: the errors are of the stack’s own', () => {
    const result = runResult([a100])
    result.scenario = {
      ...result.scenario,
      systemOverrides: { 'dgx-a100': { memoryEfficiency: 0.8, chips: 4 } },
    }
    const [entry] = stackTrust(result, validationReport([]))
    expect(entry!.overridden).toMatch(
      /^this run overrides Memory efficiency: the errors below are of NeMo 2023's own figures$/,
    )
    expect(stackTrust(runResult([a100]), validationReport([]))[0]!.overridden).toBeNull()
  })
})
