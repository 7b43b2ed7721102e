import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runChecksum } from '../../main/services/bundleService'
import type { RunBundle, RunResult } from '../../contract/api'
import { smallServingScenario, tempContainer } from './helpers/tempContainer'

// A run over several seeds was once a "sweep": results stored and bundles exported before the
// rename hold `sweep` with the old metric names. They must still read, replay and import.
const OLD_NAMES: Record<string, string> = {
  servingLatencyP50: 'latencyP50',
  servingLatencyP99: 'latencyP99',
  servingTtftP50: 'ttftP50',
  servingRequestsPerSecond: 'requestsPerSecond',
  servingHitRate: 'hitRate',
  servingSwitchShare: 'switchShare',
  servingUtilisation: 'utilisation',
}

/** A result as the workbench wrote it before the rename. */
function beforeRename(result: Record<string, unknown>): Record<string, unknown> {
  const { seedSpread, ...rest } = result as { seedSpread: NonNullable<RunResult['seedSpread']> }
  const systems = seedSpread.systems.map((system) => ({
    ...system,
    metrics: Object.fromEntries(Object.entries(system.metrics).map(([name, spread]) => [OLD_NAMES[name], spread])),
  }))
  return { ...rest, sweep: { ...seedSpread, systems } }
}

const source = tempContainer()
const target = tempContainer()
afterAll(async () => {
  await source.dispose()
  await target.dispose()
})

let runId: number
let asWritten: RunResult
beforeAll(async () => {
  const input = smallServingScenario('spread')
  const run = await source.runs.waitFor(source.runs.start({ scenario: input, seeds: 3 }).id)
  expect(run.status).toBe('finished')
  runId = run.id
  asWritten = run.result!
  // Rewrite the stored document as an older workbench left it.
  const db = source.store.db
  const { result_json } = db.prepare('SELECT result_json FROM run_documents WHERE run_id = ?').get(runId) as {
    result_json: string
  }
  const old = JSON.stringify(beforeRename(JSON.parse(result_json) as Record<string, unknown>))
  expect(old).toContain('"sweep":{"seeds":[7,8,9]')
  expect(old).toContain('"latencyP50":')
  db.prepare('UPDATE run_documents SET result_json = ? WHERE run_id = ?').run(old, runId)
})

describe('a seed spread stored as `sweep` before the rename', () => {
  it('reads back as `seedSpread` with today’s metric names, the same numbers', () => {
    const result = source.runs.get(runId).result!
    expect(result).not.toHaveProperty('sweep')
    expect(Object.keys(result.seedSpread!.systems[0]!.metrics)).toEqual(Object.keys(OLD_NAMES))
    expect(result).toEqual(asWritten)
  })

  it('replays as reproduced', async () => {
    const report = await source.replays.replay(runId, false)
    expect(report).toMatchObject({ reproduced: true, changeCount: 0, causes: [] })
    expect(report.originalResult!.seedSpread).toEqual(report.replayResult.seedSpread)
  })

  it('imports from a bundle written before the rename, and reads back upgraded', () => {
    const bundle = JSON.parse(JSON.stringify(source.bundles.export([runId]))) as RunBundle
    const entry = bundle.runs[0]! as unknown as Record<string, unknown>
    entry.result = beforeRename(entry.result as Record<string, unknown>)
    const { checksum: _checksum, ...content } = entry
    entry.checksum = runChecksum(content)
    const report = target.bundles.import(bundle)
    expect(report.imported).toHaveLength(1)
    const imported = target.runs.get(report.imported[0]!.runId).result!
    expect(imported).not.toHaveProperty('sweep')
    expect(imported).toEqual(asWritten)
  })
})
