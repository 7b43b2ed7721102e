import { ScenarioSchema } from '../main/sim/scenario/schema'

/** Llama-2-7B, 128 tokens in and 20 out, on the SN40L node and both DGXs: the benchmarks' scenario. */
export const chatbot = ScenarioSchema.parse({
  name: 'bench',
  systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
})
