import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { memwallInProcess, type CliOutcome } from './helpers/memwallCli'

// The validation reads no runs: every call points at a database that must never appear.
const scratch = mkdtempSync(join(tmpdir(), 'memwall-validate-'))
const dbPath = join(scratch, 'never.db')
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const memwall = (...args: string[]): Promise<CliOutcome> => memwallInProcess(dbPath, args)
const shipped = JSON.parse(readFileSync('resources/validation/measurements.json', 'utf8'))

function file(name: string, content: unknown): string {
  const path = join(scratch, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

describe('memwall validate', () => {
  it('prints every shipped row with its error, and the summary, exit 0; creates no database', async () => {
    const run = await memwall('validate', '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const { rows, summary } = JSON.parse(run.stdout)
    expect(rows).toHaveLength(41)
    expect(rows.map((r: { id: string }) => r.id)).toEqual(shipped.rows.map((r: { id: string }) => r.id))
    const nemo = rows.find((r: { id: string }) => r.id === 'NM-H100-7B-TP1-B1')
    expect(Object.keys(nemo)).toEqual(
      expect.arrayContaining(['id', 'stack', 'split', 'metric', 'measured', 'simulated', 'error']),
    )
    // simulated in the metric's SI unit: seconds, close to NeMo's 0.1538 s (a fit row).
    expect(nemo.simulated).toBeCloseTo(0.1538, 3)
    expect(summary.by.split.check.rows).toBe(28)
    expect(summary.by.split.check.medianAbsError).toBeGreaterThan(0)
    expect(existsSync(dbPath)).toBe(false)
  })

  it('prints a table with configuration, measured, simulated, error and split, then the honest summary', async () => {
    const run = await memwall('validate')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /\nNM-A100-7B-TP1-B1 +NeMo 2023 +end-to-end latency: llama2-7b, 1 × 128 → 20 tokens, 1 chip, 16-bit +234\.0 ms +\d+\.\d ms +[+−]\d+\.\d% +fit/,
    )
    expect(run.stdout).toMatch(/\nBy split +rows/)
    expect(run.stdout).toMatch(/\ncheck +28 +0 +\d+\.\d%/)
  })

  it('adds the collectives against measured all-reduces with --kernels', async () => {
    const { collectives } = JSON.parse((await memwall('validate', '--kernels', '--json')).stdout)
    expect(collectives.rows).toHaveLength(90)
    expect(collectives.summary.bySize).toHaveProperty(['≤ 64 KiB'])
    const table = await memwall('validate', '--kernels')
    expect(table.stdout).toMatch(/\nAll-reduce against measured NCCL times/)
    expect(table.stdout).toMatch(/\ndgx-h100 +8 +64\.0 MiB +322\.0 µs +\d+\.\d µs +[+−]\d+\.\d%/)
  })

  it('adds the operator kernels against measured kernel times with --kernels, as summaries and the worst rows', async () => {
    const { kernelOps } = JSON.parse((await memwall('validate', '--kernels', '--json')).stdout)
    expect(kernelOps.rows).toHaveLength(2880)
    expect(kernelOps.attention).toHaveLength(102)
    expect(kernelOps.summary.byPhase).toHaveProperty('decode')
    const table = (await memwall('validate', '--kernels')).stdout
    expect(table).toMatch(/\nOperator kernels against measured times \(Microsoft Vidur/)
    expect(table).toMatch(/\nmlp_down_proj → mlp_down +288 +0 +\d+\.\d% +\d+\.\d%/)
    expect(table).toMatch(/\nattention kernel +rows/)
    expect(
      table
        .match(/\nworst rows +measured +simulated +error\n((?:.+\n?)*)/)![1]!
        .trim()
        .split('\n'),
    ).toHaveLength(10)
  })

  it('keeps one stack’s rows with --stack, and refuses a stack no row has', async () => {
    const run = JSON.parse((await memwall('validate', '--json', '--stack', 'nemo-2023')).stdout)
    expect(run.rows).toHaveLength(10)
    const typo = await memwall('validate', '--stack', 'nemo-2032')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(/stack: no row of .* was measured on "nemo-2032"/)
    const report = await memwall('report', '--validation', '--stack', 'nemo-2032', '--out', join(scratch, 'typo.csv'))
    expect(report.code).toBe(2)
    expect(existsSync(join(scratch, 'typo.csv'))).toBe(false)
  })

  it('validates another file in the format, unsupported rows reported with the reason', async () => {
    const fp8 = { ...shipped.rows[0], id: 'FP8-ROW', workload: { ...shipped.rows[0].workload, precision: 'fp8' } }
    const path = file('mine.json', { ...shipped, rows: [shipped.rows[0], fp8] })
    const run = await memwall('validate', '--measurements', path, '--json')
    expect(run.code).toBe(0)
    const { rows, summary } = JSON.parse(run.stdout)
    expect(rows[1]).toMatchObject({ id: 'FP8-ROW', status: 'unsupported', simulated: null, error: null })
    expect(rows[1].reason).toMatch(/^workload\.precision: dgx-a100: the A100 .* has no FP8 peak/)
    expect(summary.all).toMatchObject({ rows: 2, scored: 1, unsupported: 1 })
  })

  it.each([
    [
      'a missing field',
      { ...shipped, rows: [{ ...shipped.rows[0], measured: undefined }] },
      /bad\.json: rows\.0\.measured: /,
    ],
    ['a wrong format', { ...shipped, format: 'csv' }, /bad\.json: format: /],
    ['invalid JSON', '{ "rows": [', /bad\.json: invalid JSON/],
  ])('refuses %s with exit 2, naming the field', async (_, content, message) => {
    const run = await memwall('validate', '--measurements', file('bad.json', content))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})

describe('memwall report --validation', () => {
  it('writes the validation as CSV and JSON, one record per row', async () => {
    const csvPath = join(scratch, 'validation.csv')
    const csv = await memwall('report', '--validation', '--out', csvPath)
    expect(csv.code).toBe(0)
    const records = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Record<string, string>[]
    expect(records).toHaveLength(41)
    const jsonPath = join(scratch, 'validation.json')
    expect((await memwall('report', '--validation', '--stack', 'trtllm-2024', '--out', jsonPath)).code).toBe(0)
    const json = JSON.parse(readFileSync(jsonPath, 'utf8'))
    expect(json.rows.every((row: { stack: string }) => row.stack === 'trtllm-2024')).toBe(true)
    expect(existsSync(dbPath)).toBe(false)
  })

  it('refuses --validation with run ids, and --stack without --validation', async () => {
    expect((await memwall('report', '1', '--validation', '--out', join(scratch, 'x.html'))).code).toBe(2)
    const stray = await memwall('report', '1', '--stack', 'ideal', '--out', join(scratch, 'x.html'))
    expect(stray.code).toBe(2)
    expect(stray.stderr).toMatch(/--stack apply to --validation only/)
  })
})
