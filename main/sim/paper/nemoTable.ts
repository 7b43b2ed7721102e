/**
 * NVIDIA NeMo framework Llama-2-7B inference latencies, "chatbot" case (128 input, 20 output
 * tokens), end to end in seconds [P ref. 57]: the measurements behind the paper's DGX estimates
 * (../shared/reference/sn40l-paper.md, "Published GPU measurements").
 */
export interface NemoRow {
  system: 'dgx-a100' | 'dgx-h100'
  tp: number
  batch: number
  seconds: number
}

export const NEMO_LLAMA2_7B: readonly NemoRow[] = [
  { system: 'dgx-a100', tp: 1, batch: 1, seconds: 0.234 },
  { system: 'dgx-a100', tp: 8, batch: 1, seconds: 0.1365 },
  { system: 'dgx-a100', tp: 8, batch: 8, seconds: 0.1819 },
  { system: 'dgx-h100', tp: 1, batch: 1, seconds: 0.1538 },
  { system: 'dgx-h100', tp: 8, batch: 1, seconds: 0.0976 },
  { system: 'dgx-h100', tp: 8, batch: 8, seconds: 0.1291 },
]

export const NEMO_INPUT_TOKENS = 128
export const NEMO_OUTPUT_TOKENS = 20
