import { resolveSpec } from '../assumptions'
import { SYSTEM_PRESETS } from '../hardware/presets'
import { MODEL_PRESETS } from '../models/presets'
import { generate } from '../perf/inference'
import { BYTES_PER_ELEMENT } from '../units'

/** Prompt and output of the Llama 3.1 speed figures (ASSUMPTION: a short chat turn). */
const PROMPT_TOKENS = 128
const OUTPUT_TOKENS = 200

/** Output tokens per second one user sees on 16 SN40L sockets, batch 1, fused with hardware orchestration. */
export function llama31Experiment() {
  const system = resolveSpec(SYSTEM_PRESETS['sn40l-node-16'], {
    assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' },
  })
  return (['llama3.1-8b', 'llama3.1-70b', 'llama3.1-405b'] as const).map((model) => {
    const { decode, steps } = generate(
      system,
      MODEL_PRESETS[model],
      { batch: 1, promptTokens: PROMPT_TOKENS, outputTokens: OUTPUT_TOKENS },
      { bytesPerElement: BYTES_PER_ELEMENT[system.precision], logitsForLastTokenOnly: true },
    )
    return { model, sockets: system.chips, tokensPerSecondPerUser: steps / decode.seconds }
  })
}
