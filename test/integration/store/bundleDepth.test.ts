import { expect, it } from 'vitest'
import { BundleError, BundleService } from '../../../main/services/bundleService'
import type { Store } from '../../../main/store'
import { MAX_BUNDLE_DEPTH, nestsDeeperThan } from '../../../contract/bundle'
import type { RunBundle } from '../../../contract/api'
import { useFreshStore } from './fixtures/freshStore'
import { finishedRun, servingScenario } from './fixtures/storeFixtures'

let store: Store
useFreshStore((fresh) => (store = fresh))

/** `[[[…]]]` `depth` arrays deep, built and read without recursion, as a file of it would parse. */
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth))

/** Every table's row count: what an import that writes nothing leaves as it was. */
function counts(): Record<string, number> {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      (store.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  )
}

it('refuses a bundle whose result nests 100,000 deep as invalid input, writing nothing', () => {
  const bundles = new BundleService(store)
  const run = finishedRun(store, servingScenario())
  const bundle = JSON.parse(JSON.stringify(bundles.export([run.id]))) as RunBundle
  ;(bundle.runs[0]!.result as unknown as Record<string, unknown>).appendix = { rows: nested(100_000) }
  const before = counts()
  let error: unknown
  try {
    bundles.import(bundle)
  } catch (caught) {
    error = caught
  }
  // BundleError is what the transports answer as invalid input (400, exit 2); a stack overflow was a 500.
  expect(error).toBeInstanceOf(BundleError)
  expect((error as Error).message).toBe(`runs.0.result: nests deeper than ${MAX_BUNDLE_DEPTH} levels`)
  expect(counts()).toEqual(before)
})

it('takes the deepest field a real result has, and refuses one level past the limit', () => {
  const bundles = new BundleService(store)
  const run = finishedRun(store, servingScenario())
  const bundle = bundles.export([run.id])
  for (const entry of bundle.runs) {
    for (const value of Object.values(entry)) expect(nestsDeeperThan(value, 8)).toBe(false)
  }
  expect(nestsDeeperThan(nested(MAX_BUNDLE_DEPTH), MAX_BUNDLE_DEPTH)).toBe(false)
  expect(nestsDeeperThan(nested(MAX_BUNDLE_DEPTH + 1), MAX_BUNDLE_DEPTH)).toBe(true)
  expect(nestsDeeperThan({ a: [{ b: nested(MAX_BUNDLE_DEPTH - 2) }] }, MAX_BUNDLE_DEPTH)).toBe(true)
  expect(nestsDeeperThan({ a: [{ b: nested(MAX_BUNDLE_DEPTH - 3) }] }, MAX_BUNDLE_DEPTH)).toBe(false)
})
