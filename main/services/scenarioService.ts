import type { ScenarioDto } from '../../preload/api'
import type { Store } from '../store'

/** Scenarios users have run, for loading back into the form. */
export class ScenarioService {
  constructor(private readonly store: Store) {}

  list(limit: number): ScenarioDto[] {
    return this.store.scenarios.list(limit)
  }
}
