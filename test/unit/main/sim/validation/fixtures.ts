import type { MeasurementRow } from '../../../../../main/sim/validation'

/** A NeMo row as the shipped file writes it: Llama-2-7B 128/20 on one A100, 0.234 s. */
export function validRow(id = 'A'): MeasurementRow {
  return {
    id,
    split: 'check',
    stack: 'nemo-2023',
    hardware: { base: 'dgx-a100', chips: 1 },
    workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20, precision: '16-bit' },
    metric: 'e2eSeconds',
    measured: 0.234,
    source: 'NVIDIA NeMo inference table',
  }
}

export function validFile(rows: unknown[]): Record<string, unknown> {
  return {
    format: 'memwall-measurements',
    version: 1,
    stacks: { 'nemo-2023': 'NeMo', 'trtllm-2024': 'TRT-LLM', nvbandwidth: 'copy benchmark' },
    rows,
  }
}
