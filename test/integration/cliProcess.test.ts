import { afterAll, describe, expect, it } from 'vitest'
import { memwallProcess } from './helpers/memwallCli'
import { tempDbPath } from './helpers/tempContainer'

// The CLI's other tests run it in process (runCli); this one starts the real entry once, to prove
// that main/cli.ts hands runCli's exit code and lines to the process.
const { dbPath, cleanup } = tempDbPath()
afterAll(cleanup)

describe('memwall as a process', () => {
  it('runs a scenario (exit 0, JSON on stdout) and refuses a bad flag (exit 2, one line on stderr)', () => {
    const run = memwallProcess(dbPath, ['run', 'resources/scenarios/llama2-7b-chatbot.json', '--json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).runId).toBeGreaterThan(0)

    const refused = memwallProcess(dbPath, ['run', 'resources/scenarios/llama2-7b-chatbot.json', '--seeds', '65'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^memwall: --seeds: Too big: expected number to be <=64\n$/)
  })
})
