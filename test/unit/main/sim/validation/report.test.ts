import { describe, expect, it } from 'vitest'
import {
  parseMeasurements,
  shippedMeasurements,
  summarise,
  validate,
  validateRow,
  type MeasurementFile,
  type ValidationRowResult,
} from '../../../../../main/sim/validation'
import { validFile, validRow } from './fixtures'

const file = (rows: unknown[]): MeasurementFile => {
  const parsed = parseMeasurements(validFile(rows))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.file
}

describe('validating a row', () => {
  it('simulates a NeMo fit row within a percent: its figures were fitted on it', () => {
    const row = shippedMeasurements().rows.find((r) => r.id === 'NM-A100-7B-TP1-B1')!
    const result = validateRow(row)
    expect(result.status).toBe('ok')
    expect(Math.abs(result.error!)).toBeLessThan(0.01)
    expect(result.error).toBeCloseTo(result.simulated! / result.measured - 1, 12)
  })

  it.each([
    [{ workload: { ...validRow().workload, precision: 'int4' } }, /precision "int4" is not modelled/],
    [
      { workload: { ...validRow().workload, precision: 'FP8' } },
      /^workload\.precision: dgx-a100: the A100 80GB SXM4 has no FP8 peak .*; choose bf16, fp16 or int8$/,
    ],
    [
      {
        stack: 'sambaflow-2024',
        hardware: { base: 'sn40l-node', chips: 8 },
        workload: { ...validRow().workload, precision: 'fp16' },
      },
      /^workload\.precision: sn40l-node: the SN40L socket \(RDU\) has no FP16 peak .*; choose bf16$/,
    ],
    [{ workload: { ...validRow().workload, model: 'gpt-4' } }, /model "gpt-4" is not a model preset/],
    [{ hardware: { base: 'tpu-v5', chips: 1 } }, /hardware "tpu-v5" is not a system preset/],
    [{ stack: 'deepspeed-2022' }, /stack "deepspeed-2022" has no profile/],
    [{ hardware: { base: 'dgx-a100', chips: 16 } }, /^hardware\.chips: dgx-a100 has 8 chips, not 16$/],
    [{ hardware: { base: 'dgx-a100', chips: 1, chip: { l3Bytes: 1e9 } } }, /chip field "l3Bytes"/],
    [{ metric: 'decodeTokensPerSecondPerUser', workload: { ...validRow().workload, outputTokens: 1 } }, /at least 2/],
    [{ hardware: { base: 'sn40l-node', chips: 8 } }, /NeMo 2023 has no figures for SN40L/],
  ])('reports a row the model cannot express as unsupported, with the reason (%#)', (change, reason) => {
    const result = validateRow({ ...validRow(), ...change } as never)
    expect(result).toMatchObject({ status: 'unsupported', simulated: null, error: null })
    expect(result.reason).toMatch(reason)
  })

  it('simulates a row at its precision where the chip has it: an FP8 H100 row runs, faster than 16-bit', () => {
    const row = { ...validRow(), stack: 'trtllm-2024', hardware: { base: 'dgx-h100', chips: 1 } }
    const wide = validateRow(row)
    const narrow = validateRow({ ...row, workload: { ...row.workload, precision: 'fp8' } })
    expect(wide.status).toBe('ok')
    expect(narrow.status).toBe('ok')
    expect(narrow.simulated!).toBeLessThan(wide.simulated!)
    expect(validateRow({ ...row, workload: { ...row.workload, precision: 'bf16' } }).simulated).toBe(wide.simulated)
  })

  it('reads only the fields it models: a file may carry more, and an empty note is no name', () => {
    const result = validateRow({
      ...validRow(),
      workload: { ...validRow().workload, framework: 'NeMo 23.08' },
      hardware: { base: 'dgx-a100', chips: 1, chip: { hbmBytes: 80e9 }, note: '' },
    } as never)
    expect(result.status).toBe('ok')
  })

  it('reports a configuration that does not fit in HBM as unsupported, not as a number', () => {
    const result = validateRow({
      ...validRow(),
      workload: { ...validRow().workload, model: 'llama3.1-70b', batch: 64, promptTokens: 4096 },
    })
    expect(result.status).toBe('unsupported')
    expect(result.reason).toMatch(/does not fit: out of memory/)
  })

  it('runs a 40 GB A100 row on a slower chip than the 80 GB preset', () => {
    const slow = validateRow({
      ...validRow(),
      hardware: { base: 'dgx-a100', chips: 1, chip: { hbmBytes: 40e9, hbmBandwidth: 1.555e12 }, note: 'A100 40GB' },
    })
    const fast = validateRow(validRow())
    // Batch-1 decode is bandwidth bound: 2.039 / 1.555 = 1.31x the decode time.
    expect(slow.simulated! / fast.simulated!).toBeGreaterThan(1.2)
    expect(slow.caveat).toBe('A100 40GB')
  })

  it('reads each metric from the run: per-chip throughput divides by the chips', () => {
    const e2e = validateRow({ ...validRow(), hardware: { base: 'dgx-a100', chips: 2 } })
    const perChip = validateRow({
      ...validRow(),
      hardware: { base: 'dgx-a100', chips: 2 },
      metric: 'outputTokensPerSecondPerChip',
      measured: 1,
    })
    // One sequence of 20 tokens in e2e seconds, over two chips.
    expect(perChip.simulated).toBeCloseTo(20 / e2e.simulated! / 2, 9)
  })

  it('answers a copy row with one chip’s own host link, whatever stack the row names', () => {
    const result = validateRow({ ...validRow(), stack: 'nvbandwidth', metric: 'hostToChipCopyBytesPerSecond' })
    // One A100 alone on its PCIe Gen4 x16 link, at the link's achievable rate (hardware/pcie.ts):
    // 32e9 × 128/130 × 370/371 × 256/280 = 28,729,385,977.9 B/s, not half its switch's uplink.
    expect(result.simulated).toBeCloseTo(32e9 * (128 / 130) * (370 / 371) * (256 / 280), 0)
  })
})

describe('the summary', () => {
  const row = (id: string, error: number | null): ValidationRowResult =>
    ({ id, error, status: error === null ? 'unsupported' : 'ok' }) as ValidationRowResult

  it('takes the median and max |error| over scored rows and counts the unsupported', () => {
    expect(summarise([row('a', 0.1), row('b', -0.3), row('c', 0.2), row('d', null)])).toEqual({
      rows: 4,
      scored: 3,
      unsupported: 1,
      medianAbsError: 0.2,
      maxAbsError: 0.3,
      worst: 'b',
    })
    expect(summarise([row('a', 0.1), row('b', -0.3)]).medianAbsError).toBeCloseTo(0.2, 12)
    expect(summarise([row('d', null)])).toMatchObject({ medianAbsError: null, maxAbsError: null, worst: null })
  })

  it('keeps every row of the shipped set, with a summary per split, stack, hardware and metric', () => {
    const report = validate(shippedMeasurements(), 'shipped')
    expect(report.rows).toHaveLength(41)
    expect(report.rows.map((r) => r.id)).toEqual(shippedMeasurements().rows.map((r) => r.id))
    expect(Object.keys(report.summary.by.split).sort()).toEqual(['check', 'fit'])
    expect(report.summary.by.split.check!.rows + report.summary.by.split.fit!.rows).toBe(41)
    expect(Object.keys(report.summary.by.metric)).toHaveLength(5)
    expect(report.summary.by.stack['nemo-2023']!.rows).toBe(10)
  })

  it('keeps the check rows, which no fit saw, within a median |error| of 12% (docs/MODEL.md §11)', () => {
    // A guard on the honest figure: a change that loses a mechanism (§11's ablations: 12.5–13.5%) fails it.
    const check = validate(shippedMeasurements(), 'shipped').summary.by.split.check!
    expect(check.scored).toBe(28)
    expect(check.medianAbsError!).toBeLessThan(0.12)
  })

  it('keeps only the rows of one stack when asked', () => {
    const report = validate(file([validRow('A'), { ...validRow('B'), stack: 'trtllm-2024' }]), 'x', {
      stack: 'trtllm-2024',
    })
    expect(report.rows.map((r) => r.id)).toEqual(['B'])
  })
})
