import type { ValidationReport, ValidationRowResult } from '../../../contract/api'

/** A validation row: a scored Llama 2 7B latency on one A100 (+5%) unless told otherwise. */
export function validationRow(id: string, overrides: Partial<ValidationRowResult> = {}): ValidationRowResult {
  const measured = overrides.measured ?? 0.2
  const simulated = overrides.simulated === undefined ? measured * 1.05 : overrides.simulated
  return {
    id,
    stack: 'nemo-2023',
    split: 'check',
    metric: 'e2eSeconds',
    measured,
    simulated,
    error: simulated === null ? null : simulated / measured - 1,
    status: simulated === null ? 'unsupported' : 'ok',
    reason: simulated === null ? 'FP8 is not modelled' : null,
    hardware: 'dgx-a100',
    chips: 1,
    chipChanged: false,
    model: 'llama2-7b',
    batch: 1,
    promptTokens: 128,
    outputTokens: 20,
    configuration: 'llama2-7b, 1 × 128 → 20 tokens, 1 chip, 16-bit',
    caveat: null,
    source: 'a published table',
    ...overrides,
  }
}

/** Five rows over two stacks, two hardware, three metrics, both splits; T-2 unsupported. */
export function validationRows(): ValidationRowResult[] {
  return [
    // 0.25 / 0.2 − 1 = +25%
    validationRow('A-1', { split: 'fit', measured: 0.2, simulated: 0.25 }),
    // 0.092 / 0.1 − 1 = −8%
    validationRow('A-2', { measured: 0.1, simulated: 0.092, hardware: 'dgx-h100' }),
    // 1050 / 1000 − 1 = +5%
    validationRow('T-10', {
      stack: 'trtllm-2024',
      metric: 'outputTokensPerSecondPerChip',
      measured: 1000,
      simulated: 1050,
      hardware: 'dgx-h100',
      caveat: 'The published figure was measured with in-flight batching on a different driver version than the rest.',
    }),
    validationRow('T-2', { stack: 'trtllm-2024', measured: 2, simulated: null }),
    // 0.06 / 0.04 − 1 = +50%
    validationRow('T-3', {
      stack: 'trtllm-2024',
      metric: 'ttftSeconds',
      measured: 0.04,
      simulated: 0.06,
      split: 'fit',
    }),
  ]
}

const summary = (rows: number, scored: number, median: number | null, max: number | null, worst: string | null) => ({
  rows,
  scored,
  unsupported: rows - scored,
  medianAbsError: median,
  maxAbsError: max,
  worst,
})

/** A report over `validationRows()`, its summary worked out by hand. */
export function validationViewReport(overrides: Partial<ValidationReport> = {}): ValidationReport {
  return {
    simulatorVersion: '9.9.9',
    measurements: 'resources/validation/measurements.json',
    rows: validationRows(),
    summary: {
      // |errors| 0.05, 0.08, 0.25, 0.5: median (0.08 + 0.25) / 2 = 0.165
      all: summary(5, 4, 0.165, 0.5, 'T-3'),
      by: {
        // fit: 0.25, 0.5; check: 0.08, 0.05 (T-2 unsupported)
        split: { fit: summary(2, 2, 0.375, 0.5, 'T-3'), check: summary(3, 2, 0.065, 0.08, 'A-2') },
        stack: {
          'trtllm-2024': summary(3, 2, 0.275, 0.5, 'T-3'),
          'nemo-2023': summary(2, 2, 0.165, 0.25, 'A-1'),
        },
        hardware: { 'dgx-h100': summary(2, 2, 0.065, 0.08, 'A-2'), 'dgx-a100': summary(3, 2, 0.375, 0.5, 'T-3') },
        metric: {
          ttftSeconds: summary(1, 1, 0.5, 0.5, 'T-3'),
          e2eSeconds: summary(3, 2, 0.165, 0.25, 'A-1'),
          outputTokensPerSecondPerChip: summary(1, 1, 0.05, 0.05, 'T-10'),
        },
      },
    },
    ...overrides,
  }
}

/**
 * A row as the run page's tests want it: a fitted NeMo row of Llama 2 7B on 8 A100s, 8 × 1024 →
 * 128 tokens, +5%, so a run of that configuration is at distance 0 from it.
 */
export function runPageRow(
  overrides: Partial<ValidationRowResult> & Pick<ValidationRowResult, 'id'>,
): ValidationRowResult {
  return validationRow(overrides.id, {
    split: 'fit',
    measured: 0.2,
    simulated: 0.21,
    error: 0.05,
    chips: 8,
    batch: 8,
    promptTokens: 1024,
    outputTokens: 128,
    configuration: 'llama2-7b, 8 × 1024 → 128 tokens, 8 chips, 16-bit',
    source: 'a fixture',
    ...overrides,
  })
}

/** A report of these rows; the summary is not read by the run page. */
export function validationReport(rows: ValidationRowResult[]): ValidationReport {
  const none = { rows: 0, scored: 0, unsupported: 0, medianAbsError: null, maxAbsError: null, worst: null }
  return {
    simulatorVersion: '0.5.0',
    measurements: 'shipped',
    rows,
    summary: { all: none, by: { split: {}, stack: {}, hardware: {}, metric: {} } },
  }
}
