// Fits the DGX presets' software-stack figures to NVIDIA NeMo's Llama-2-7B latencies:
// `npx tsx tools/fitGpuStack.ts`. Prints the values that main/sim/hardware/presets/dgx*.ts hold.
// Each published row pins one figure: TP1 batch 1 (no collectives) the achieved HBM bandwidth,
// TP8 batch 1 the all-reduce latency, TP8 batch 8 the per-sequence host cost. The per-pass
// framework cost is held at 0: TP1 decode is explained by bandwidth alone.
import { resolveSpec } from '../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../main/sim/hardware/presets'
import { MODEL_PRESETS } from '../main/sim/models/presets'
import { generate } from '../main/sim/perf/inference'
import { NEMO_INPUT_TOKENS, NEMO_LLAMA2_7B, NEMO_OUTPUT_TOKENS } from '../main/sim/paper/nemoTable'
import type { SystemOverride } from '../main/sim/scenario/schema'

type Figures = Required<Pick<SystemOverride, 'memoryEfficiency' | 'hopLatency' | 'sequenceStepOverhead'>>

function latency(system: 'dgx-a100' | 'dgx-h100', tp: number, batch: number, figures: Figures): number {
  const resolved = resolveSpec(
    SYSTEM_PRESETS[system],
    { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' } },
    { ...figures, chips: tp, stepOverhead: 0 },
  )
  const { prefill, decode } = generate(
    resolved,
    MODEL_PRESETS['llama2-7b'],
    { batch, promptTokens: NEMO_INPUT_TOKENS, outputTokens: NEMO_OUTPUT_TOKENS },
    { bytesPerElement: 2, logitsForLastTokenOnly: true },
  )
  return prefill.seconds + decode.seconds
}

/** The value in [low, high] where `f` (monotone) meets `target`. */
function solve(f: (x: number) => number, target: number, low: number, high: number): number {
  const rising = f(high) > f(low)
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2
    if (f(mid) < target === rising) low = mid
    else high = mid
  }
  return (low + high) / 2
}

for (const system of ['dgx-a100', 'dgx-h100'] as const) {
  const published = (tp: number, batch: number) =>
    NEMO_LLAMA2_7B.find((r) => r.system === system && r.tp === tp && r.batch === batch)!.seconds
  let figures: Figures = { memoryEfficiency: 0.5, hopLatency: 20e-6, sequenceStepOverhead: 0 }
  for (let round = 0; round < 20; round++) {
    figures = {
      ...figures,
      memoryEfficiency: solve(
        (x) => latency(system, 1, 1, { ...figures, memoryEfficiency: x }),
        published(1, 1),
        0.05,
        1,
      ),
    }
    figures = {
      ...figures,
      hopLatency: solve((x) => latency(system, 8, 1, { ...figures, hopLatency: x }), published(8, 1), 0, 1e-3),
    }
    figures = {
      ...figures,
      sequenceStepOverhead: solve(
        (x) => latency(system, 8, 8, { ...figures, sequenceStepOverhead: x }),
        published(8, 8),
        0,
        5e-3,
      ),
    }
  }
  console.log(system, {
    memoryEfficiency: figures.memoryEfficiency.toFixed(3),
    hopLatencyMicroseconds: (figures.hopLatency * 1e6).toFixed(2),
    sequenceStepOverheadMicroseconds: (figures.sequenceStepOverhead * 1e6).toFixed(1),
  })
  for (const row of NEMO_LLAMA2_7B.filter((r) => r.system === system)) {
    console.log(
      `  tp ${row.tp} batch ${row.batch}: ${(latency(system, row.tp, row.batch, figures) * 1e3).toFixed(1)} ms (NeMo ${(row.seconds * 1e3).toFixed(1)} ms)`,
    )
  }
}
