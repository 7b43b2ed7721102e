import type { Migration } from './types'
import { v1ScenariosAndRuns } from './v1ScenariosAndRuns'
import { v2RunHistory } from './v2RunHistory'
import { v3Sweeps } from './v3Sweeps'
import { v4Traces } from './v4Traces'

export type { Migration } from './types'

/** Every migration in order of `PRAGMA user_version`: a database at version n needs those after n. */
export const MIGRATIONS: readonly Migration[] = [v1ScenariosAndRuns, v2RunHistory, v3Sweeps, v4Traces]
