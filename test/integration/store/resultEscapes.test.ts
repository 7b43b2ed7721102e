import { expect, it } from 'vitest'
import type { Store } from '../../../main/store'
import { simulate } from '../../../main/sim/simulate'
import type { RunResult } from '../../../contract/api'
import { useFreshStore } from './fixtures/freshStore'
import { finishedRun, servingScenario } from './fixtures/storeFixtures'

let store: Store
useFreshStore((fresh) => (store = fresh))

// An imported result may carry any object: ones that look like the store's own placeholders too.
it('a result holding {"$columns": 0}, {"$columns": 5} and other $ keys round-trips bit for bit', () => {
  const scenario = servingScenario()
  const simulated = simulate(scenario)
  const result = {
    ...simulated,
    imported: {
      first: { $columns: 0 },
      missing: { $columns: 5 },
      escaped: { $escaped: 1 },
      twice: { $$columns: 0, $trace: [{ $columns: 1 }] },
    },
  } as RunResult
  const run = finishedRun(store, scenario, {}, result)
  const stored = store.db.prepare('SELECT COUNT(*) AS n FROM run_columns WHERE run_id = ?').get(run.id) as { n: number }
  // Slot 0 is a real column, which would be read into the first placeholder; slot 5 is none: a failed read.
  expect(stored.n).toBeGreaterThan(0)
  expect(stored.n).toBeLessThan(6)
  expect(JSON.stringify(store.runs.getDetail(run.id)!.result)).toBe(JSON.stringify(result))
})
