import { describe, expect, it } from 'vitest'
import type { RunDetailDto } from '../../../../contract/api'
import { formatRunDetail } from '../../../../main/cli/format'
import { kvCapacityRun } from '../fixtures/kvCapacityRun'

// The DGX H100 holds 326 of its sequences, the SN40L node 240 (worked out in the fixture).
const detail = (): RunDetailDto => kvCapacityRun(7)

describe('memwall show', () => {
  it('prints the out-of-memory reason under the table and the KV capacity of every system', () => {
    const text = formatRunDetail(detail())
    expect(text).toMatch(/\nsn40l-node +SambaFlow \(paper, 2024\) +out of memory\n/)
    expect(text).toContain(
      '\nsn40l-node: out of memory: weights need 138.0 GB and the KV cache of 300 × 4096 tokens 402.7 GB; 8 × 64 GB of HBM, 90% usable (460.8 GB), holds the weights and the KV cache of at most 240 sequences of 4096 tokens\n',
    )
    expect(text).toContain(
      "KV capacity beside the weights in 90% of HBM, at the workload's context of 4096 tokens and batch 300:",
    )
    expect(text).toMatch(/\nsystem +KV capacity +Largest batch at this context +Longest context at this batch\n/)
    expect(text).toMatch(/\nsn40l-node +985249 +240 +3284\n/)
    expect(text).toMatch(/\ndgx-h100 +1336812 +326 +4456\n/)
  })

  it('prints no KV table for a result stored before the capacity was recorded', () => {
    const old = detail()
    for (const system of old.result!.systems) delete system.memory.kvCapacity
    expect(formatRunDetail(old)).not.toContain('KV capacity')
  })
})
