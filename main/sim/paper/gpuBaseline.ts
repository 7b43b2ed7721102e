import { resolveSpec } from '../assumptions'
import { SYSTEM_PRESETS } from '../hardware/presets'
import { MODEL_PRESETS } from '../models/presets'
import { generate } from '../perf/inference'
import { BYTES_PER_ELEMENT } from '../units'
import { NEMO_INPUT_TOKENS, NEMO_LLAMA2_7B, NEMO_OUTPUT_TOKENS } from './nemoTable'

export interface GpuBaselineRow {
  system: 'dgx-a100' | 'dgx-h100'
  tp: number
  batch: number
  inputTokens: number
  outputTokens: number
  seconds: number
  /** NeMo's published latency where there is one. */
  publishedSeconds: number | null
}

/** End-to-end latency of Llama-2-7B, 128 in / 20 out, on `tp` GPUs of a DGX preset at `batch`. */
export function gpuLatency(system: 'dgx-a100' | 'dgx-h100', tp: number, batch: number): number {
  const resolved = resolveSpec(
    SYSTEM_PRESETS[system],
    { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' } },
    { chips: tp },
  )
  const workload = { batch, promptTokens: NEMO_INPUT_TOKENS, outputTokens: NEMO_OUTPUT_TOKENS }
  const { prefill, decode } = generate(resolved, MODEL_PRESETS['llama2-7b'], workload, {
    bytesPerElement: BYTES_PER_ELEMENT[resolved.precision],
    logitsForLastTokenOnly: true,
  })
  return prefill.seconds + decode.seconds
}

/** Every TP width at batch 1 and TP8 at batch 8, beside NeMo's measurements. */
export function gpuBaseline(): GpuBaselineRow[] {
  const cases = (['dgx-a100', 'dgx-h100'] as const).flatMap((system) => [
    ...[1, 2, 4, 8].map((tp) => ({ system, tp, batch: 1 })),
    { system, tp: 8, batch: 8 },
  ])
  return cases.map(({ system, tp, batch }) => ({
    system,
    tp,
    batch,
    inputTokens: NEMO_INPUT_TOKENS,
    outputTokens: NEMO_OUTPUT_TOKENS,
    seconds: gpuLatency(system, tp, batch),
    publishedSeconds:
      NEMO_LLAMA2_7B.find((row) => row.system === system && row.tp === tp && row.batch === batch)?.seconds ?? null,
  }))
}
