import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readScenarioFile, readTextFile } from '../../../../main/cli/scenarioFile'
import { UsageError } from '../../../../main/cli/usageError'

const dir = mkdtempSync(join(tmpdir(), 'memwall-scenario-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const BOM = '\uFEFF'
const scenario = {
  name: 'served',
  systems: ['sn40l-node'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
  serving: { experts: 4, traffic: { kind: 'poisson', rate: 2 } },
}

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text, 'utf8')
  return path
}

/** The UsageError (exit code 2) that reading `path` throws. */
function usageError(path: string, changes: Parameters<typeof readScenarioFile>[1] = {}): string {
  try {
    readScenarioFile(path, changes)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error('expected the file to be refused')
}

describe('readScenarioFile', () => {
  it('blames a bad request of a --trace file on the trace, by request number, not on the scenario', () => {
    const path = file('served.json', JSON.stringify(scenario))
    const trace = file('bad.csv', 'time,expert,promptTokens,outputTokens\n0,1,128,20\n0.5,9,128,20\n')
    expect(usageError(path, { trace })).toBe(`${trace}: request 2: expert: expert must be below 4`)
  })

  it('reads a scenario file that starts with a UTF-8 byte-order mark', () => {
    // Notepad writes one; JSON.parse refused it as "Unexpected token".
    const path = file('bom.json', `${BOM}${JSON.stringify(scenario)}`)
    expect(readScenarioFile(path).name).toBe('served')
  })

  it('reads a --trace CSV file that starts with a byte-order mark', () => {
    const path = file('bom-scenario.json', JSON.stringify(scenario))
    const trace = file('bom.csv', `${BOM}time,promptTokens,outputTokens\n0,10,2\n0.5,20,3\n`)
    expect(readScenarioFile(path, { trace }).serving?.traffic).toEqual({
      kind: 'trace',
      arrivals: [
        { time: 0, promptTokens: 10, outputTokens: 2 },
        { time: 0.5, promptTokens: 20, outputTokens: 3 },
      ],
    })
  })

  it('strips only a leading byte-order mark', () => {
    expect(readTextFile(file('marks.txt', `${BOM}a${BOM}b`))).toBe(`a${BOM}b`)
  })

  it('refuses a --trace cell in hex, naming the file, the line and the column', () => {
    const path = file('hex-scenario.json', JSON.stringify(scenario))
    const trace = file('hex.csv', 'time,promptTokens,outputTokens\n0x10,10,2\n')
    expect(usageError(path, { trace })).toBe(
      `${trace}: line 2: time: expected a number of seconds >= 0, got "0x10" (not a decimal number)`,
    )
  })

  it.each([
    [
      'a uniform length with min above max',
      { promptTokens: { kind: 'uniform', min: 9, max: 3 } },
      'serving.promptTokens.max: must be at least min (9)',
    ],
    [
      'prefetch with Belady’s cache',
      { cachePolicy: 'belady', prefetch: true },
      "serving.prefetch: not with cachePolicy 'belady'",
    ],
    ['a Poisson rate of 5e-324', { traffic: { kind: 'poisson', rate: 5e-324 } }, 'serving.traffic.rate: Too small'],
  ])('refuses %s as a usage error naming the file and the field', (_label, change, message) => {
    const path = file('refused.json', JSON.stringify({ ...scenario, serving: { ...scenario.serving, ...change } }))
    expect(usageError(path)).toContain(`${path}: ${message}`)
  })

  it('refuses a "__proto__" override as a usage error instead of dropping it', () => {
    const path = file(
      'proto.json',
      JSON.stringify(scenario).replace(/}$/, ', "systemOverrides": {"__proto__": {"chips": 1}}}'),
    )
    expect(usageError(path)).toBe(`${path}: systemOverrides.__proto__: unknown system`)
  })
})
