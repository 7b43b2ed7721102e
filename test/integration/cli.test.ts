import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, writeFileSync } from 'node:fs'
import { memwallInProcess, type CliOutcome } from './helpers/memwallCli'
import { tempDbPath } from './helpers/tempContainer'

// The CLI from its TypeScript source (through tsx), so the test needs no build.
const { dbPath, cleanup } = tempDbPath()
afterAll(cleanup)

const memwall = (...args: string[]): Promise<CliOutcome> => memwallInProcess(dbPath, args)

const example = 'resources/scenarios/llama2-7b-chatbot.json'

describe('memwall CLI', () => {
  it('runs an example scenario, stores it and prints the stored result with its runId', async () => {
    const run = await memwall('run', example, '--json', '--label', 'from the CLI')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.runId).toBeGreaterThan(0)
    expect(result.systems.map((s: { systemId: string }) => s.systemId)).toEqual(['sn40l-node', 'dgx-h100', 'dgx-a100'])
    expect(result.provenance.seed).toBe(1)

    const shown = JSON.parse((await memwall('show', String(result.runId), '--json')).stdout)
    expect(shown).toMatchObject({ id: result.runId, status: 'finished', label: 'from the CLI' })
    const listed = JSON.parse((await memwall('list', '--json')).stdout)
    expect(listed.map((r: { id: number }) => r.id)).toContain(result.runId)
  })

  it('prints a readable summary and run list', async () => {
    const run = await memwall('run', example)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^run \d+ finished: "Llama-2-7B chatbot, batch 1"/)
    expect(run.stdout).toMatch(/\nsn40l-node +SambaFlow \(paper, 2024\) +\d/)
    expect((await memwall('list')).stdout).toMatch(/^id +status +created/)
  })

  it('prints the paper reproduction as a table and as JSON with the contract’s keys', async () => {
    const table = await memwall('paper')
    expect(table.code).toBe(0)
    // The presentation model's row: simulated, published, error, verdict, source, notes.
    expect(table.stdout).toMatch(
      /\nmodel switch vs DGX H100 +16\.8× +15\.0× +[+-]?\d+\.\d% +within 15% +\[A\] +paper host links/,
    )
    const json = JSON.parse((await memwall('paper', '--json')).stdout)
    expect(json.switching.seconds).toHaveProperty('sn40l-node')
    expect(json.coe).toHaveLength(4)
    expect(json.gpuBaseline.filter((row: { batch: number }) => row.batch === 1)).toHaveLength(8)
    const perChip = JSON.parse((await memwall('paper', '--json', '--host-link', 'perGpuLinks')).stdout)
    // four PCIe switch uplinks (two GPUs on each) instead of one link: switching 4x faster on the DGX H100
    expect(json.switching.seconds['dgx-h100'] / perChip.switching.seconds['dgx-h100']).toBeCloseTo(4, 6)
  })

  it('runs the paper check and its report without opening, or creating, a database', async () => {
    const fresh = tempDbPath()
    try {
      expect((await memwallInProcess(fresh.dbPath, ['paper', '--json'])).code).toBe(0)
      const out = `${fresh.dbPath}.paper.json`
      expect((await memwallInProcess(fresh.dbPath, ['report', '--paper', '--out', out])).code).toBe(0)
      expect(existsSync(out)).toBe(true)
      expect(existsSync(fresh.dbPath)).toBe(false)
      // Still refused: an --out that would overwrite the database, opened or not.
      const database = fresh.dbPath.replace(/\.db$/, '.json')
      const over = await memwallInProcess(database, ['report', '--paper', '--out', database])
      expect(over.code).toBe(2)
      expect(over.stderr).toMatch(/is the workbench database/)
      expect(existsSync(database)).toBe(false)
    } finally {
      fresh.cleanup()
    }
  })

  it('serves a CoE under traffic, and the same seed prints the same result', async () => {
    const run = async () =>
      JSON.parse(
        (
          await memwall(
            'run',
            'resources/scenarios/coe-serving-100-experts.json',
            '--json',
            '--requests',
            '400',
            '--seed',
            '5',
          )
        ).stdout,
      )
    const first = await run()
    const second = await run()
    const strip = (result: { runId: number; provenance: { wallSeconds: number } }) => ({
      ...result,
      runId: 0,
      provenance: { ...result.provenance, wallSeconds: 0 },
    })
    expect(first.serving).toHaveLength(3)
    expect(first.serving[0].requests.arrived).toBe(400)
    expect(first.provenance).toMatchObject({ seed: 5, events: expect.any(Number) })
    expect(first.provenance.events).toBeGreaterThan(1000)
    expect(strip(second)).toEqual(strip(first))
  })

  it('replays a CSV trace given with --trace', async () => {
    const trace = `${dbPath}.trace.csv`
    writeFileSync(trace, 'time,expert,promptTokens,outputTokens\n0,3,64,8\n0.5,3,64,8\n1.0,7,32,4\n')
    const result = JSON.parse(
      (await memwall('run', 'resources/scenarios/coe-serving-100-experts.json', '--json', '--trace', trace)).stdout,
    )
    expect(result.serving[0].requests).toMatchObject({ arrived: 3, completed: 3 })
    // experts 3, 3, 7: two switches in, one hit
    expect(result.serving[0].switching.count).toBe(2)
  })

  it('lists presets', async () => {
    const presets = JSON.parse((await memwall('presets', '--json')).stdout)
    expect(presets.systems.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['sn40l-node', 'sn40l-node-16', 'dgx-a100', 'dgx-h100', 'dgx-h200', 'mi300x-platform']),
    )
    expect(presets.models).toHaveLength(11)
  })

  it.each([
    ['a missing file', ['run', 'no/such.json'], /^memwall: no\/such\.json: cannot read the file \(no such file\)\n$/],
    ['invalid JSON', ['run', 'BAD_JSON'], /^memwall: .*bad\.json: invalid JSON: /],
    [
      'a field of the wrong type',
      ['run', 'WRONG_TYPE'],
      /^memwall: .*wrong\.json: workload\.batch: Invalid input: expected number, received string\n$/,
    ],
    [
      'a field out of range',
      ['run', 'OUT_OF_RANGE'],
      /^memwall: .*range\.json: workload\.outputTokens: Too big: expected number to be <=32768/,
    ],
    ['a bad run id', ['show', 'abc'], /^memwall: runId: expected a positive integer, got "abc"\n$/],
    ['an unknown option', ['list', '--colour'], /^memwall: Unknown option '--colour'/],
    ['an option of another command', ['presets', '--db', 'x.db'], /^memwall: presets: option --db does not apply\n$/],
    ['an unknown command', ['frobnicate'], /^memwall: unknown command "frobnicate"/],
    [
      'a bad host-link model',
      ['paper', '--host-link', 'fast'],
      /^memwall: --host-link: Invalid option: expected one of "paper"\|"perGpuLinks"\n$/,
    ],
  ])('exits 2 with one line for %s', async (_label, args, message) => {
    const files: Record<string, string> = {
      BAD_JSON: `${dbPath}.bad.json`,
      WRONG_TYPE: `${dbPath}.wrong.json`,
      OUT_OF_RANGE: `${dbPath}.range.json`,
    }
    writeFileSync(files.BAD_JSON!, '{\n  "name": \n}\n') // V8 quotes these lines back in its message
    writeFileSync(
      files.WRONG_TYPE!,
      JSON.stringify({
        name: 'x',
        systems: ['sn40l-node'],
        workload: { model: 'llama2-7b', batch: '1', promptTokens: 1, outputTokens: 1 },
      }),
    )
    writeFileSync(
      files.OUT_OF_RANGE!,
      JSON.stringify({
        name: 'x',
        systems: ['sn40l-node'],
        workload: { model: 'llama2-7b', batch: 1, promptTokens: 1, outputTokens: 40000 },
      }),
    )
    const result = await memwall(...args.map((arg) => files[arg] ?? arg))
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
