import type { ValidationReport, ValidationRowResult } from '../../../contract/api'

/** One scored measurement row; only what the run page reads carries meaning. */
export function validationRow(
  overrides: Partial<ValidationRowResult> & Pick<ValidationRowResult, 'id'>,
): ValidationRowResult {
  return {
    stack: 'nemo-2023',
    split: 'fit',
    metric: 'e2eSeconds',
    measured: 0.2,
    simulated: 0.21,
    error: 0.05,
    status: 'ok',
    reason: null,
    hardware: 'dgx-a100',
    chips: 8,
    model: 'llama2-7b',
    batch: 8,
    promptTokens: 1024,
    outputTokens: 128,
    configuration: 'llama2-7b, 8 × 1024 → 128 tokens, 8 chips, 16-bit',
    caveat: null,
    source: 'a fixture',
    ...overrides,
  }
}

/** A report of these rows; the summary is not read by the run page. */
export function validationReport(rows: ValidationRowResult[]): ValidationReport {
  const none = { rows: 0, scored: 0, unsupported: 0, medianAbsError: null, maxAbsError: null, worst: null }
  return {
    simulatorVersion: '0.4.0',
    measurements: 'shipped',
    rows,
    summary: { all: none, by: { split: {}, stack: {}, hardware: {}, metric: {} } },
  }
}
