import { describe, expect, it } from 'vitest'
import type { KvCapacity, SystemResult } from '../../../../contract/api'
import { KV_CAPACITY_COLUMNS, kvCapacityTable } from '../../../../renderer/src/viewModels/kvCapacity'
import { okSystem, outOfMemorySystem } from '../fixtures'

// Llama-2-70B in BF16 at TP8 on 8 × 80 GB, 90% usable (test/unit/main/sim/perf/kvCapacity.test.ts).
const capacity = (batch: number, contextTokens: number): KvCapacity => ({
  usableBytes: 576e9,
  kvBytes: 438_046_703_616,
  bytesPerToken: 327_680,
  tokens: 1_336_812,
  contextTokens,
  batch,
  batchAtContext: Math.floor(1_336_812 / contextTokens),
  contextAtBatch: Math.floor(1_336_812 / batch),
})

const withCapacity = (system: SystemResult, kvCapacity: KvCapacity): SystemResult => ({
  ...system,
  memory: { ...system.memory, kvCapacity },
})

describe('kvCapacityTable', () => {
  it('writes each system’s capacity under the registry’s labels, the refused one marked', () => {
    const table = kvCapacityTable([
      withCapacity(okSystem('dgx-h100', 'DGX H100', 0.1, 0.4), capacity(8, 2176)),
      withCapacity(outOfMemorySystem('dgx-a100', 'DGX A100'), capacity(512, 4096)),
    ])!
    expect(table.columns.map((column) => column.label)).toEqual([
      'KV capacity',
      'Largest batch at this context',
      'Longest context at this batch',
    ])
    expect(table).toMatchObject({ contextTokens: 2176, batch: 8, usableShare: '90% of HBM', unrecorded: [] })
    const [h100, a100] = table.rows
    expect(h100).toMatchObject({ kvBytes: '438 GB', bytesPerToken: '327,680 B', refused: false })
    expect(h100!.cells.map((cell) => cell.text)).toEqual(['1,336,812 tokens', '614 sequences', '167,101 tokens'])
    // 512 sequences asked, ⌊1,336,812 / 4096⌋ = 326 fit.
    expect(a100).toMatchObject({ refused: true })
    expect(a100!.cells[1]!.text).toBe('326 sequences')
  })

  it('is null for a result stored before the capacity was recorded, and names systems without one', () => {
    expect(kvCapacityTable([okSystem('dgx-h100', 'DGX H100', 0.1, 0.4)])).toBeNull()
    const mixed = kvCapacityTable([
      withCapacity(okSystem('dgx-h100', 'DGX H100', 0.1, 0.4), capacity(8, 2176)),
      okSystem('sn40l-node', 'SN40L', 0.1, 0.4),
    ])
    expect(mixed?.rows.map((row) => row.systemId)).toEqual(['dgx-h100'])
    expect(mixed?.unrecorded).toEqual(['sn40l-node'])
  })

  it('explains each column with the registry’s description', () => {
    for (const column of KV_CAPACITY_COLUMNS) expect(column.how).toContain('docs/MODEL.md §4, KV capacity')
  })
})
