import { resolveSpec } from '../assumptions'
import { SYSTEM_PRESETS } from '../hardware/presets'
import { MODEL_PRESETS, type ModelPresetId } from '../models/presets'
import { parameterCount } from '../models/schema'
import { trainingOperators } from '../models/operators'
import { addForwardPass, forwardCollectives } from '../perf/inference'
import { PhaseAccumulator } from '../perf/phase'
import type { ExecutionMode } from '../perf/modes'
import { fftConvolutionOperators } from '../perf/fftConv'
import type { PhaseTiming } from '../result'
import { BYTES_PER_ELEMENT } from '../units'
import type { SystemOverride } from '../scenario/schema'

/** The paper's fusion benchmarks [P Sec. VI-A, Table III]: 8 sockets unless noted, batch 1 (ASSUMPTION: unpublished). */
export const FUSION_BENCHMARKS = [
  { id: 'llama2-7b-4k-prefill', model: 'llama2-7b', sequence: 4096, phase: 'prefill' },
  { id: 'llama2-7b-4k-decode', model: 'llama2-7b', sequence: 4096, phase: 'decode' },
  { id: 'llama2-7b-4k-train', model: 'llama2-7b', sequence: 4096, phase: 'train' },
  { id: 'sparsegpt-13b-2k-train', model: 'sparsegpt-13b', sequence: 2048, phase: 'train' },
  { id: 'llama2-70b-4k-prefill', model: 'llama2-70b', sequence: 4096, phase: 'prefill' },
  { id: 'llama2-70b-4k-decode', model: 'llama2-70b', sequence: 4096, phase: 'decode' },
  { id: 'bloom-176b-8k-prefill', model: 'bloom-176b', sequence: 8192, phase: 'prefill' },
  { id: 'bloom-176b-8k-decode', model: 'bloom-176b', sequence: 8192, phase: 'decode' },
  { id: 'mistral-7b-2k-prefill', model: 'mistral-7b', sequence: 2048, phase: 'prefill' },
  { id: 'mistral-7b-2k-decode', model: 'mistral-7b', sequence: 2048, phase: 'decode' },
  { id: 'mistral-7b-4k-prefill', model: 'mistral-7b', sequence: 4096, phase: 'prefill' },
  { id: 'mistral-7b-4k-decode', model: 'mistral-7b', sequence: 4096, phase: 'decode' },
  { id: 'falcon-40b-2k-prefill', model: 'falcon-40b', sequence: 2048, phase: 'prefill' },
  { id: 'falcon-40b-2k-decode', model: 'falcon-40b', sequence: 2048, phase: 'decode' },
  { id: 'llava1.5-7b-4k-prefill', model: 'llava1.5-7b', sequence: 4096, phase: 'prefill' },
  { id: 'llava1.5-7b-4k-decode', model: 'llava1.5-7b', sequence: 4096, phase: 'decode' },
  { id: 'flashfftconv-1m', model: null, sequence: 1 << 20, phase: 'fftconv' },
] as const satisfies readonly { id: string; model: ModelPresetId | null; sequence: number; phase: string }[]

export type FusionBenchmark = (typeof FUSION_BENCHMARKS)[number]

export interface FusionResult {
  benchmark: string
  sockets: number
  seconds: { unfused: number; fusedSO: number; fusedHO: number }
  kernelCalls: { unfused: number; fused: number }
}

const MODES = ['unfused', 'fusedSO', 'fusedHO'] as const satisfies readonly ExecutionMode[]

/** One benchmark's phase on the SN40L (a node, or one socket for FlashFFTConv) in `mode`. */
function timeBenchmark(benchmark: FusionBenchmark, mode: ExecutionMode, override: SystemOverride): PhaseTiming {
  const preset = benchmark.model === null ? SYSTEM_PRESETS['sn40l-socket'] : SYSTEM_PRESETS['sn40l-node']
  // Table III times the model's passes, not a serving loop: no per-pass or per-sequence host work.
  const system = resolveSpec(
    preset,
    { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' } },
    { ...override, mode, stepOverhead: 0, sequenceStepOverhead: 0 },
  )
  const e = BYTES_PER_ELEMENT[system.precision]
  const phase = new PhaseAccumulator(system)
  if (benchmark.model === null) {
    phase.add(
      fftConvolutionOperators(benchmark.sequence, e),
      { allReduces: 0, allReduceBytes: 0, allGatherBytes: 0 },
      1,
    )
    return phase.result()
  }
  const model = MODEL_PRESETS[benchmark.model]
  const n = benchmark.sequence
  if (benchmark.phase === 'prefill')
    addForwardPass(phase, model, { batch: 1, newTokens: n, pastTokens: 0, logitTokens: 1 }, e)
  else if (benchmark.phase === 'decode')
    addForwardPass(phase, model, { batch: 1, newTokens: 1, pastTokens: n - 1, logitTokens: 1 }, e)
  else {
    const forward = forwardCollectives(model, { batch: 1, newTokens: n, pastTokens: 0, logitTokens: n }, e)
    // Backward all-reduces the activation gradients as forward does the activations.
    // The optimizer keeps state for the stored (non-zero) weights only.
    const storedParameters = parameterCount(model) * (1 - model.weightSparsity.value)
    phase.add(
      trainingOperators(model, 1, n, e, storedParameters),
      { ...forward, allReduces: 2 * forward.allReduces },
      1,
    )
  }
  return phase.result()
}

/** `override`: figures of the SN40L to change (a socket for FlashFFTConv, the node otherwise). */
export function fusionResults(override: SystemOverride = {}): FusionResult[] {
  return FUSION_BENCHMARKS.map((benchmark) => {
    const [unfused, fusedSO, fusedHO] = MODES.map((mode) => timeBenchmark(benchmark, mode, override)) as [
      PhaseTiming,
      PhaseTiming,
      PhaseTiming,
    ]
    return {
      benchmark: benchmark.id,
      sockets: benchmark.model === null ? 1 : 8,
      seconds: { unfused: unfused.seconds, fusedSO: fusedSO.seconds, fusedHO: fusedHO.seconds },
      kernelCalls: { unfused: unfused.kernelCalls, fused: fusedHO.kernelCalls },
    }
  })
}
