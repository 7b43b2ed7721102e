import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunResult } from '../../contract/api'
import { SIMULATOR_VERSION } from '../../main/sim'
import { scenario, smallServingScenario, tempContainer } from './helpers/tempContainer'

const container = tempContainer()
afterAll(() => container.dispose())

async function finishedRun(name: string, label?: string, seeds = 1): Promise<number> {
  const input = seeds > 1 ? smallServingScenario(name) : scenario(name)
  const run = await container.runs.waitFor(container.runs.start({ scenario: input, label, seeds }).id)
  expect(run.status).toBe('finished')
  return run.id
}

/** Edits a stored column in place, as a damaged or hand-edited database would have it. */
function setColumn(runId: number, column: string, value: string | null): void {
  container.store.db.prepare(`UPDATE runs SET ${column} = ? WHERE id = ?`).run(value, runId)
}

/** The same for the run's scenario or result document. */
function setDocument(runId: number, column: 'scenario_json' | 'result_json', value: string | null): void {
  container.store.db.prepare(`UPDATE run_documents SET ${column} = ? WHERE run_id = ?`).run(value, runId)
}

function editStoredResult(runId: number, edit: (result: RunResult) => void): void {
  const { result_json } = container.store.db
    .prepare('SELECT result_json FROM run_documents WHERE run_id = ?')
    .get(runId) as { result_json: string }
  const result = JSON.parse(result_json) as RunResult
  edit(result)
  setDocument(runId, 'result_json', JSON.stringify(result))
}

describe('replaying a stored run', () => {
  let runId: number
  beforeAll(async () => {
    runId = await finishedRun('replayed', 'baseline')
  })

  it('reproduces an untouched run bit for bit, with nothing to explain', async () => {
    const report = await container.replays.replay(runId, false)
    expect(report).toMatchObject({
      runId,
      reproduced: true,
      causes: [],
      changes: [],
      changeCount: 0,
      keptRunId: null,
      original: { simulatorVersion: SIMULATOR_VERSION, seed: 1 },
      replay: { simulatorVersion: SIMULATOR_VERSION, seed: 1 },
    })
    expect(report.replay.scenarioHash).toBe(report.original.scenarioHash)
    expect(report.replayResult.systems).toEqual(report.originalResult!.systems)
  })

  it('reproduces a seed spread', async () => {
    const swept = await finishedRun('swept', undefined, 3)
    const report = await container.replays.replay(swept, false)
    expect(report.reproduced).toBe(true)
    expect(report.replayResult.seedSpread!.seeds).toEqual([7, 8, 9])
  })

  it('keeps the replay as a new run linked to the original, which stays as it was', async () => {
    const before = container.runs.get(runId)
    const report = await container.replays.replay(runId, true)
    expect(report.keptRunId).not.toBeNull()
    const kept = container.runs.get(report.keptRunId!)
    expect(kept).toMatchObject({
      status: 'finished',
      replayOf: runId,
      label: 'baseline (replay)',
      tags: [],
      notes: null,
      starred: false,
      seed: 1,
      scenarioHash: before.scenarioHash,
      simulatorVersion: SIMULATOR_VERSION,
    })
    expect(kept.result).toEqual(report.replayResult)
    expect(container.runs.get(runId)).toEqual(before)
  })

  it('names a tampered metric and calls the change unexplained', async () => {
    const tampered = await finishedRun('tampered')
    let stored = 0
    editStoredResult(tampered, (result) => {
      stored = result.systems[1]!.metrics!.totalSeconds
      result.systems[1]!.metrics!.totalSeconds = stored * 2
    })
    const report = await container.replays.replay(tampered, false)
    expect(report.reproduced).toBe(false)
    expect(report.changeCount).toBe(1)
    // the replay gives back the true value: (x − 2x) / |2x| = −0.5
    expect(report.changes).toEqual([
      { path: 'systems[dgx-h100].metrics.totalSeconds', original: stored * 2, replay: stored, relativeChange: -0.5 },
    ])
    expect(report.causes.map((cause) => cause.kind)).toEqual(['unexplained'])
  })

  it('blames a different simulator version', async () => {
    const old = await finishedRun('old simulator')
    setColumn(old, 'simulator_version', '0.0.0-old')
    editStoredResult(old, (result) => {
      result.provenance.simulatorVersion = '0.0.0-old'
    })
    const report = await container.replays.replay(old, false)
    expect(report.reproduced).toBe(false)
    expect(report.original.simulatorVersion).toBe('0.0.0-old')
    expect(report.changes).toContainEqual(
      expect.objectContaining({
        path: 'provenance.simulatorVersion',
        original: '0.0.0-old',
        replay: SIMULATOR_VERSION,
      }),
    )
    expect(report.causes).toEqual([{ kind: 'simulatorVersion', detail: `simulator 0.0.0-old → ${SIMULATOR_VERSION}` }])
  })

  it('names the assumptions whose values changed', async () => {
    const run = await finishedRun('assumed')
    let name = ''
    editStoredResult(run, (result) => {
      const entry = result.assumptions.find((a) => typeof a.value === 'boolean')!
      name = entry.name
      entry.value = !entry.value
    })
    const report = await container.replays.replay(run, false)
    expect(report.causes.map((cause) => cause.kind)).toEqual(['assumptions'])
    expect(report.causes[0]!.detail).toContain(name)
    expect(report.changes.map((change) => change.path)).toEqual([`assumptions[${name}].value`])
  })

  it('blames a scenario that reads differently today', async () => {
    const run = await finishedRun('migrated')
    // as if stored before `precision` existed: today's schema fills in its default
    container.store.db
      .prepare(
        "UPDATE run_documents SET scenario_json = json_remove(scenario_json, '$.workload.precision') WHERE run_id = ?",
      )
      .run(run)
    setColumn(run, 'scenario_hash', 'f'.repeat(64))
    editStoredResult(run, (result) => {
      result.provenance.scenarioHash = 'f'.repeat(64)
    })
    const report = await container.replays.replay(run, false)
    expect(report.causes.map((cause) => cause.kind)).toEqual(['scenarioMigrated'])
    expect(report.changes.map((change) => change.path)).toEqual(['provenance.scenarioHash'])
  })

  it('re-runs a run that has no stored result, and says so', async () => {
    const run = await finishedRun('failed once')
    container.store.db.prepare("UPDATE runs SET status = 'failed', error = 'worker died' WHERE id = ?").run(run)
    setDocument(run, 'result_json', null)
    const report = await container.replays.replay(run, false)
    expect(report).toMatchObject({ reproduced: false, changes: [], changeCount: 0, originalResult: null })
    expect(report.causes.map((cause) => cause.kind)).toEqual(['noStoredResult'])
    expect(report.replayResult.systems).toHaveLength(2)
  })

  it('refuses a stored scenario that no longer validates, naming the field, and leaves the run as it was', async () => {
    const run = await finishedRun('invalid today')
    container.store.db
      .prepare(
        "UPDATE run_documents SET scenario_json = json_set(scenario_json, '$.workload.batch', 0) WHERE run_id = ?",
      )
      .run(run)
    const before = container.store.db
      .prepare('SELECT * FROM runs JOIN run_documents ON run_id = id WHERE id = ?')
      .get(run)
    const count = (): unknown => container.store.db.prepare('SELECT COUNT(*) AS n FROM runs').get()
    const runs = count()
    await expect(container.replays.replay(run, true)).rejects.toThrow(
      /^run \d+ cannot be replayed: .*scenario\.workload\.batch: Too small.*the stored run is untouched$/,
    )
    expect(
      container.store.db.prepare('SELECT * FROM runs JOIN run_documents ON run_id = id WHERE id = ?').get(run),
    ).toEqual(before)
    expect(count()).toEqual(runs)
  })

  it('answers not found for a run that does not exist', async () => {
    await expect(container.replays.replay(9999, false)).rejects.toMatchObject({ name: 'NotFoundError' })
  })
})
