import { createStore, type Store } from './store'
import { createSimPool, defaultWorkerFile, type SimPool } from './workers/pool'
import { WorkbenchEvents } from './services/events'
import { consoleLogger, type Logger } from './services/logger'
import { BundleService } from './services/bundleService'
import { PaperService } from './services/paperService'
import { ValidationService } from './services/validationService'
import { PresetService } from './services/presetService'
import { ReplayService } from './services/replayService'
import { ReportService } from './services/reportService'
import { printWithChromium, type PrintPdf } from './report'
import { RunService } from './services/runService'
import { ScenarioService } from './services/scenarioService'
import { SweepService } from './services/sweepService'
import { processOwner, type RunOwner } from './services/runOwner'

export interface ContainerOptions {
  dbPath: string
  /** Worker module for simulations; tests point this at fixtures that fail or hang. */
  workerFile?: URL
  maxThreads?: number
  logger?: Logger
  /** Who owns the runs this container starts; tests pass a fake to play another process. */
  owner?: RunOwner
  /** How PDF reports are printed: Electron's printToPDF in the window, headless Chromium elsewhere. */
  printPdf?: PrintPdf
  /** How long a sensitivity analysis may run (default SENSITIVITY_LIMIT_MS); tests shorten it. */
  sensitivityLimitMs?: number
}

/** Everything the shell, the host and the CLI need, built the same way for each. */
export interface Container {
  /** The database file the store has open. */
  dbPath: string
  store: Store
  pool: SimPool
  events: WorkbenchEvents
  presets: PresetService
  paper: PaperService
  validation: ValidationService
  scenarios: ScenarioService
  runs: RunService
  sweeps: SweepService
  replays: ReplayService
  bundles: BundleService
  reports: ReportService
  shutdown(): Promise<void>
}

/** Builds in order database, repositories, worker pool, services; boots them; shuts down in reverse. */
export function createContainer(options: ContainerOptions): Container {
  const logger = options.logger ?? consoleLogger
  const store = createStore(options.dbPath)
  const pool = createSimPool({ workerFile: options.workerFile ?? defaultWorkerFile(), maxThreads: options.maxThreads })
  const events = new WorkbenchEvents()
  const owner = options.owner ?? processOwner()
  const printPdf = options.printPdf ?? printWithChromium
  const runs = new RunService(store, pool, events, logger, owner)
  runs.boot()
  const sweeps = new SweepService(store, pool, events, logger, owner, options.sensitivityLimitMs)
  sweeps.boot()
  return {
    dbPath: options.dbPath,
    store,
    pool,
    events,
    presets: new PresetService(),
    paper: new PaperService(pool, printPdf),
    validation: new ValidationService(pool, printPdf),
    scenarios: new ScenarioService(store),
    runs,
    sweeps,
    replays: new ReplayService(store, pool, logger),
    bundles: new BundleService(store),
    reports: new ReportService(store, printPdf),
    async shutdown() {
      await runs.shutdown()
      await sweeps.shutdown()
      await pool.destroy()
      events.removeAllListeners()
      store.close()
    },
  }
}

/** The model's checks alone: what `memwall paper`, `memwall validate` and their reports need. */
export interface ModelChecksContainer {
  paper: PaperService
  validation: ValidationService
  shutdown(): Promise<void>
}

/** A worker pool and the check services, and no store: the checks read no runs, so they create no database file. */
export function createModelChecksContainer(
  options: Pick<ContainerOptions, 'workerFile' | 'maxThreads' | 'printPdf'> = {},
): ModelChecksContainer {
  // One thread: each check is one task.
  const pool = createSimPool({
    workerFile: options.workerFile ?? defaultWorkerFile(),
    maxThreads: options.maxThreads ?? 1,
  })
  return {
    paper: new PaperService(pool, options.printPdf ?? printWithChromium),
    validation: new ValidationService(pool, options.printPdf ?? printWithChromium),
    shutdown: () => pool.destroy(),
  }
}
