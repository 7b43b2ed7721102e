import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { kernelWork } from '../../../../../main/sim/perf/kernelTime'
import { checkKernelOps, KernelOpFileSchema } from '../../../../../main/sim/validation'
import { kernelOpsFile, kernelOpsText } from '../../../../../tools/importKernelOps'

const SHIPPED = 'resources/validation/kernels/ops.json'
const SOURCE = '../shared/reference/validation/kernels/a100-Llama-2-7b-hf-ops.csv'

describe('the kernel model against measured per-operator times', () => {
  const check = checkKernelOps()

  it('lands a decoder layer’s kernels within a median of 10% of the profiles (docs/MODEL.md §11)', () => {
    // Without the ramp and partial overlap of kernelTime.ts the median is 17%.
    expect(check.layers).toHaveLength(288)
    expect(check.summary.layers.medianAbsError!).toBeLessThan(0.1)
  })

  it('parses the shipped file, with its source', () => {
    const file = KernelOpFileSchema.parse(JSON.parse(readFileSync(SHIPPED, 'utf8')))
    expect(file.rows).toHaveLength(2880) // 6 GPU × model profiles × 4 TP degrees × 12 token counts × 10 operators
    expect(file.attention).toHaveLength(102)
    expect(check.source).toMatch(/Vidur.*MIT/)
  })

  it('maps every shipped operator to the model’s and scores it', () => {
    expect(check.rows.every((row) => row.operator !== null && row.simulated !== null)).toBe(true)
    expect(check.attention.every((row) => row.simulated !== null)).toBe(true)
    // The embedding runs once per pass: scored by operator, outside the per-layer summaries.
    expect(check.summary.all.rows).toBe(2880 - 288)
    expect(Object.keys(check.summary.byOp)).toHaveLength(10)
    expect(Object.keys(check.summary.bySystemModel)).toHaveLength(6)
  })

  it('reports an operator or preset it cannot model, keeping the row', () => {
    const file = JSON.parse(readFileSync(SHIPPED, 'utf8'))
    const row = file.rows[0]
    const odd = checkKernelOps({
      ...file,
      rows: [
        { ...row, op: 'attn_kv_cache_save' },
        { ...row, model: 'gpt-5' },
      ],
    })
    expect(odd.rows.map((r) => [r.operator, r.simulated, r.unsupported])).toEqual([
      [null, null, 'operator "attn_kv_cache_save" has no counterpart in the model'],
      ['embedding', null, 'model "gpt-5" is not a preset'],
    ])
    expect(odd.summary.byOp.emb).toMatchObject({ rows: 1, scored: 0, unsupported: 1 })
  })

  it('times a decode GEMM as its weights and activations through kernelWork', () => {
    const row = check.rows.find((r) => r.id === 'dgx-a100 llama2-7b TP1 mlp_down_proj × 1' && r.phase === 'decode')!
    // Llama 2 7B down projection at batch 1, 2 bytes an element: weights 11008 × 4096 × 2
    // = 90,177,536 B, input 11008 × 2 = 22,016 B, output 4096 × 2 = 8,192 B: 90,207,744 B;
    // 2 × 11008 × 4096 = 90,177,536 FLOPs.
    const bytes = 11008 * 4096 * 2 + 11008 * 2 + 4096 * 2
    const flops = 2 * 11008 * 4096
    const a100 = resolveSpec(
      SYSTEM_PRESETS['dgx-a100'],
      { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' } },
      { chips: 1 },
    )
    const work = kernelWork(flops, bytes, a100)
    // Memory-bound: 90,207,744 B / (2039 GB/s × the NeMo A100 memory efficiency, 0.594 today) ≈ 74.5 µs.
    expect(work.memorySeconds).toBeCloseTo(bytes / (a100.spec.chip.hbmBandwidth.value * a100.memoryEfficiency), 12)
    expect(work.memorySeconds).toBeGreaterThan(work.computeSeconds)
    expect(row.simulated).toBeCloseTo(work.seconds, 12)
    expect(row.measured).toBe(60e-6)
    expect(row.error).toBeCloseTo(row.simulated! / 60e-6 - 1, 12)
  })

  it('times attention as one kernel reading the KV cache', () => {
    const row = check.attention.find((r) => r.id === 'dgx-a100 llama2-7b TP1 attention 1 × 1 after 512')!
    // One new query row after 512 cached: Q in 4096 × 2 B, out 4096 × 2 B, K and V of 513 tokens
    // read once each, 2 × 513 × 4096 × 2 B: 8,421,376 B; scores and values 2 × 2 × 32 heads × 513
    // pairs × 128, softmax 5 × 32 × 513 FLOPs.
    const bytes = 2 * 4096 * 2 + 2 * 513 * 4096 * 2
    const flops = 2 * 2 * 32 * 513 * 128 + 5 * 32 * 513
    const a100 = resolveSpec(
      SYSTEM_PRESETS['dgx-a100'],
      { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' } },
      { chips: 1 },
    )
    // The profiled attention (vLLM 2024's) at its own measured rate, 0.14 of peak.
    const attention = 2 * 2 * 32 * 513 * 128
    const profiled = { ...a100, attentionEfficiency: 0.14 }
    expect(row.simulated).toBeCloseTo(kernelWork(flops, bytes, profiled, attention).seconds, 12)
  })

  it.skipIf(!existsSync(SOURCE))(
    'ships what tools/importKernelOps.ts makes of ../shared (run `npx tsx tools/importKernelOps.ts` when not)',
    () => {
      expect(kernelOpsText(kernelOpsFile().file)).toBe(readFileSync(SHIPPED, 'utf8'))
    },
  )
})
