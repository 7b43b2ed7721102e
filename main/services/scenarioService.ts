import { scenarioHash, type Scenario, type ScenarioDto } from '../../contract/api'
import type { Store } from '../store'
import { ConflictError, NotFoundError } from './errors'

const now = (): string => new Date().toISOString()

/** The saved-scenario library: list, save (new or an edit), delete. */
export class ScenarioService {
  constructor(private readonly store: Store) {}

  list(limit: number): ScenarioDto[] {
    return this.store.scenarios.list(limit)
  }

  /**
   * Saves a new scenario, or with `id` an edit of one (a rename is an edit): the answer carries
   * the id to use from now on, since an edited configuration is stored as a new row.
   */
  save(scenario: Scenario, id?: number): ScenarioDto {
    const outcome = this.store.scenarios.save(scenario, scenarioHash(scenario), now(), id)
    if ('missing' in outcome) throw new NotFoundError(`scenario ${outcome.missing} does not exist`)
    if ('clash' in outcome) {
      throw new ConflictError(
        `a saved scenario named "${scenario.name}" with this configuration already exists (#${outcome.clash.id}): rename one of them`,
      )
    }
    return outcome.saved
  }

  delete(id: number): { id: number } {
    if (!this.store.scenarios.retire(id, now())) throw new NotFoundError(`scenario ${id} does not exist`)
    return { id }
  }
}
