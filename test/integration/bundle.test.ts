import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BundleError, runChecksum } from '../../main/services/bundleService'
import type { RunBundle, RunDetailDto } from '../../contract/api'
import { BUNDLE_FORMAT } from '../../contract/api'
import { scenario, tempContainer } from './helpers/tempContainer'

const source = tempContainer()
const target = tempContainer()
afterAll(async () => {
  await source.dispose()
  await target.dispose()
})

let ids: number[]
let bundle: RunBundle
beforeAll(async () => {
  const first = source.runs.start({ scenario: scenario('exported one'), label: 'one' })
  const second = source.runs.start({ scenario: scenario('exported two', { seed: 2 }) })
  ids = [first.id, second.id]
  for (const id of ids) await source.runs.waitFor(id)
  source.runs.update(first.id, { notes: 'worth keeping', tags: ['paper', 'h100'], starred: true })
  bundle = source.bundles.export(ids)
})

/** The bundle as a file carries it: through JSON, and free to edit. */
const copy = (): RunBundle => JSON.parse(JSON.stringify(bundle)) as RunBundle

function counts(): { runs: number; scenarios: number; tags: number } {
  const count = (table: string): number =>
    (target.store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
  return { runs: count('runs'), scenarios: count('scenarios'), tags: count('run_tags') }
}

/** What a run is, apart from where it is stored. */
function content(run: RunDetailDto) {
  const { id: _id, replayOf: _replayOf, ...rest } = run
  return rest
}

describe('run bundles', () => {
  it('exports each run sealed, in the order asked', () => {
    expect(bundle).toMatchObject({
      format: BUNDLE_FORMAT,
      version: 1,
      runs: [{ sourceRunId: ids[0] }, { sourceRunId: ids[1] }],
    })
    expect(bundle.runs[0]!.checksum).toMatch(/^[0-9a-f]{64}$/)
    expect(bundle.runs[0]).toMatchObject({
      notes: 'worth keeping',
      tags: ['h100', 'paper'],
      starred: true,
      label: 'one',
    })
  })

  it('refuses to export a run that does not exist', () => {
    expect(() => source.bundles.export([ids[0]!, 9999])).toThrow(expect.objectContaining({ name: 'NotFoundError' }))
  })

  it('imports into a fresh database as the same runs, then finds them all duplicates', () => {
    const report = target.bundles.import(copy())
    expect(report.duplicates).toEqual([])
    expect(report.imported.map((entry) => entry.bundleIndex)).toEqual([0, 1])
    report.imported.forEach(({ bundleIndex, runId }) => {
      expect(content(target.runs.get(runId))).toEqual(content(source.runs.get(ids[bundleIndex]!)))
    })

    const before = counts()
    const again = target.bundles.import(copy())
    expect(again).toEqual({
      imported: [],
      duplicates: report.imported.map(({ bundleIndex, runId }) => ({ bundleIndex, existingRunId: runId })),
    })
    expect(counts()).toEqual(before)
  })

  it('stores a run twice in one bundle once', async () => {
    const fresh = tempContainer()
    try {
      const twice = copy()
      twice.runs = [twice.runs[1]!, twice.runs[1]!]
      const report = fresh.bundles.import(twice)
      expect(report.imported).toHaveLength(1)
      expect(report.duplicates).toEqual([{ bundleIndex: 1, existingRunId: report.imported[0]!.runId }])
    } finally {
      await fresh.dispose()
    }
  })

  it.each([
    ['a file that is no bundle', () => ({ runs: [] }), /^not a Memwall run bundle \(no format field/],
    ['another format', () => ({ ...copy(), format: 'zip' }), /^not a Memwall run bundle \(format "zip"/],
    [
      'a newer version',
      () => ({ ...copy(), version: 2 }),
      /^bundle version 2 was written by a newer workbench: this workbench reads version 1$/,
    ],
    [
      'a broken scenario in the second run',
      () => {
        const broken = copy()
        ;(broken.runs[1]!.scenario.workload as { batch: unknown }).batch = 'eight'
        return broken
      },
      /^runs\.1\.scenario\.workload\.batch: /,
    ],
    [
      'an edited result',
      () => {
        const edited = copy()
        edited.runs[1]!.result!.systems[0]!.metrics!.totalSeconds *= 0.5
        return edited
      },
      /^runs\.1\.checksum: does not match the run's content \(edited or damaged\)$/,
    ],
    [
      'an edited label',
      () => {
        const edited = copy()
        edited.runs[0]!.label = 'better'
        return edited
      },
      /^runs\.0\.checksum: /,
    ],
  ])('refuses %s and writes nothing, even for the valid runs', async (_case, make, message) => {
    const fresh = tempContainer()
    try {
      const count = () => (fresh.store.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n
      let error: unknown
      try {
        fresh.bundles.import(make())
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(BundleError)
      expect((error as Error).message).toMatch(message)
      expect(count()).toBe(0)
    } finally {
      await fresh.dispose()
    }
  })

  it('refuses a result whose provenance is not the run’s, even when resealed', () => {
    const forged = copy()
    const run = forged.runs[0]!
    run.result!.provenance.seed = 99
    run.checksum = runChecksum(run as unknown as Record<string, unknown>)
    expect(() => target.bundles.import(forged)).toThrow(
      /^runs\.0\.result\.provenance\.seed: 99 is not the run's seed 1$/,
    )
  })
})

/** A bundle entry edited and resealed: what a careless (or malicious) tool could write. */
function resealed(edit: (run: RunBundle['runs'][number]) => void): RunBundle {
  const edited = copy()
  const run = edited.runs[0]!
  edit(run)
  const { checksum: _old, ...rest } = run
  run.checksum = runChecksum(rest as Record<string, unknown>)
  return edited
}

describe('import checks beyond the seal', () => {
  it.each<[string, (run: RunBundle['runs'][number]) => void, RegExp]>([
    ['a seed that is not the scenario’s', (run) => (run.seed = 77), /runs\.0\.seed: 77 is not the scenario's seed/],
    ['a hash that is not the scenario’s', (run) => (run.scenarioHash = 'a'.repeat(64)), /runs\.0\.scenarioHash/],
    ['more seeds than a sweep may have', (run) => (run.seeds = 100_000_000), /runs\.0\.seeds: Too big/],
    ['a finished run without a result', (run) => (run.result = null), /runs\.0\.result: a finished run has a result/],
    [
      'a result from another simulator version',
      (run) => (run.result!.provenance.simulatorVersion = '9.9.9'),
      /runs\.0\.result\.provenance\.simulatorVersion/,
    ],
  ])('refuses %s, writing nothing', (_label, edit, message) => {
    const before = counts()
    expect(() => target.bundles.import(resealed(edit))).toThrow(message)
    expect(counts()).toEqual(before)
  })

  it('does not take a stored run of another outcome or seed count for a duplicate', async () => {
    const fresh = tempContainer()
    try {
      // the same scenario and seed, but failed here: the finished import is new
      const failed = fresh.runs.start({ scenario: bundle.runs[0]!.scenario })
      await fresh.runs.waitFor(failed.id)
      fresh.store.db.prepare("UPDATE runs SET status = 'failed' WHERE id = ?").run(failed.id)
      const report = fresh.bundles.import(copy())
      expect(report.duplicates).toEqual([])
      expect(report.imported).toHaveLength(2)
      // and as a sweep of 1 seed the entry is not a 3-seed sweep of the same seed
      const sweep = resealed((run) => (run.seeds = 3))
      const again = fresh.bundles.import(sweep)
      expect(again.imported.map((entry) => entry.bundleIndex)).toEqual([0])
      expect(again.duplicates.map((entry) => entry.bundleIndex)).toEqual([1])
    } finally {
      await fresh.dispose()
    }
  })
})
