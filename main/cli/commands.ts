import { createContainer, createModelChecksContainer, type Container, type ModelChecksContainer } from '../container'
import { createDispatch } from '../dispatch'
import { defaultUserDataDir, resolveDbPath } from '../dbPath'
import { findRendererDir } from '../host/rendererDir'
import { startHost, type HostOptions, type RunningHost } from '../host/server'
import { silentLogger } from '../services/logger'
import { BundleError } from '../services/bundleService'
import { ConflictError, NotFoundError } from '../services/errors'
import { PresetService } from '../services/presetService'
import { hostLinkFlag } from './contractFlags'
import { formatPresets, formatRunDetail, formatRunList } from './format'
import { formatPaperReport } from './paperFormat'
import { formatImport, formatReplay, replayJson } from './replayFormat'
import { readScenarioFile, readTextFile } from './scenarioFile'
import { writeOutputFile } from './outputFile'
import { UsageError } from './usageError'

export interface CommandOptions {
  seeds?: string | undefined
  seed?: string | undefined
  requests?: string | undefined
  trace?: string | undefined
  hostLink?: string | undefined
  db?: string | undefined
  json?: boolean | undefined
  label?: string | undefined
  port?: string | undefined
  keep?: boolean | undefined
  out?: string | undefined
}

export interface Output {
  out(text: string): void
  err(text: string): void
}

/** A container on the command's database, shut down when the work ends (quietly: the CLI prints its own lines). */
export async function withContainer<T>(
  options: CommandOptions,
  work: (container: Container) => Promise<T>,
): Promise<T> {
  const dbPath = resolveDbPath(options.db, process.env, defaultUserDataDir())
  const container = createContainer({ dbPath, logger: silentLogger })
  try {
    return await work(container)
  } finally {
    await container.shutdown()
  }
}

/** The model's checks on a worker pool of their own, without the store: they create no database file. */
export async function withModelChecks<T>(work: (checks: ModelChecksContainer) => Promise<T>): Promise<T> {
  const container = createModelChecksContainer()
  try {
    return await work(container)
  } finally {
    await container.shutdown()
  }
}

/** A run's or sweep's flags, checked by the contract's schema of the call (program.ts). */
export interface StartFlags {
  label?: string | undefined
  seeds: number
}

/** Runs a scenario file to its end and stores it; exit code 1 when the run did not finish. */
export async function runCommand(
  file: string,
  options: CommandOptions,
  flags: StartFlags,
  io: Output,
): Promise<number> {
  const scenario = readScenarioFile(file, { seed: options.seed, requests: options.requests, trace: options.trace })
  return withContainer(options, async (container) => {
    const { id } = container.runs.start({ scenario, ...flags })
    const run = await container.runs.waitFor(id)
    if (options.json)
      io.out(
        JSON.stringify(
          run.result ? { runId: run.id, ...run.result } : { runId: run.id, status: run.status, error: run.error },
          null,
          2,
        ),
      )
    else io.out(formatRunDetail(run))
    return run.status === 'finished' ? 0 : 1
  })
}

export async function listCommand(options: CommandOptions, io: Output): Promise<number> {
  return withContainer(options, async (container) => {
    const runs = container.runs.recent(1000)
    io.out(options.json ? JSON.stringify(runs, null, 2) : formatRunList(runs))
    return 0
  })
}

function parseRunId(text: string): number {
  const runId = Number(text)
  if (!Number.isInteger(runId) || runId < 1) throw new UsageError(`runId: expected a positive integer, got "${text}"`)
  return runId
}

/** A run id that does not exist is the caller's mistake: exit code 2, like a bad argument. */
function missingRun(error: unknown): unknown {
  return error instanceof NotFoundError ? new UsageError(`runId: ${error.message} in this database`) : error
}

function orMissingRun<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw missingRun(error)
  }
}

export async function showCommand(runIdText: string, options: CommandOptions, io: Output): Promise<number> {
  const runId = parseRunId(runIdText)
  return withContainer(options, async (container) => {
    const run = orMissingRun(() => container.runs.get(runId))
    io.out(options.json ? JSON.stringify(run, null, 2) : formatRunDetail(run))
    return 0
  })
}

/** Runs a stored run again and compares; exit code 0 when it reproduced bit for bit, 1 when it differs. */
export async function replayCommand(runIdText: string, options: CommandOptions, io: Output): Promise<number> {
  const runId = parseRunId(runIdText)
  return withContainer(options, async (container) => {
    let report
    try {
      report = await container.replays.replay(runId, options.keep ?? false)
    } catch (error) {
      // Exit 1 means "replayed, and it differs": a run that cannot be replayed at all exits 2.
      if (error instanceof ConflictError) throw new UsageError(`replay: ${error.message}`)
      throw missingRun(error)
    }
    io.out(options.json ? JSON.stringify(replayJson(report), null, 2) : formatReplay(report))
    return report.reproduced ? 0 : 1
  })
}

/** Writes the runs, sealed, to one bundle file that `memwall import` reads. */
export async function exportCommand(runIdTexts: string[], options: CommandOptions, io: Output): Promise<number> {
  const runIds = runIdTexts.map(parseRunId)
  const out = options.out
  if (!out) throw new UsageError('export: --out F is required (the bundle file to write)')
  return withContainer(options, async (container) => {
    const bundle = orMissingRun(() => container.bundles.export(runIds))
    writeOutputFile(out, `${JSON.stringify(bundle, null, 2)}\n`, container.dbPath)
    io.out(`wrote ${bundle.runs.length} run(s) to ${out}`)
    return 0
  })
}

function readJsonFile(path: string): unknown {
  const text = readTextFile(path)
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UsageError(`${path}: not a JSON file (${(error as Error).message.split('\n')[0]})`)
  }
}

/** Stores the runs of a bundle file; a bundle that is not valid as a whole writes nothing (exit code 2). */
export async function importCommand(file: string, options: CommandOptions, io: Output): Promise<number> {
  const bundle = readJsonFile(file)
  return withContainer(options, async (container) => {
    let report
    try {
      report = container.bundles.import(bundle)
    } catch (error) {
      if (error instanceof BundleError) throw new UsageError(`import: ${error.message}`)
      throw error
    }
    io.out(options.json ? JSON.stringify(report, null, 2) : formatImport(report))
    return 0
  })
}

export function presetsCommand(options: CommandOptions, io: Output): number {
  const presets = new PresetService().list()
  io.out(options.json ? JSON.stringify(presets, null, 2) : formatPresets(presets))
  return 0
}

/** The paper's experiments reproduced by the model; `--host-link perGpuLinks` gives each GPU its own PCIe link. */
export async function paperCommand(options: CommandOptions, io: Output): Promise<number> {
  const hostLink = hostLinkFlag(options.hostLink)
  const report = await withModelChecks(({ paper }) => paper.report(hostLink))
  io.out(options.json ? JSON.stringify(report, null, 2) : formatPaperReport(report))
  return 0
}

/** Resolves on the first SIGINT or SIGTERM; later ones are ignored while shutdown runs. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => resolve()
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

async function listen(options: HostOptions): Promise<RunningHost> {
  try {
    return await startHost(options)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`--port: ${options.port} is already in use; pick another (0 picks a free one)`)
    }
    throw error
  }
}

/** Serves the workbench UI and API on 127.0.0.1 until SIGINT or SIGTERM. */
export async function serveCommand(options: CommandOptions, io: Output, reason?: string): Promise<number> {
  const port = options.port === undefined ? 4318 : Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: expected 0..65535, got "${options.port}"`)
  }
  const rendererDir = findRendererDir()
  const dbPath = resolveDbPath(options.db, process.env, defaultUserDataDir())
  const container = createContainer({ dbPath })
  try {
    const host = await listen({ container, dispatch: createDispatch(container), rendererDir, port })
    if (reason) io.out(`[Host] ${reason}`)
    io.out(`[Host] Memwall Workbench serving on ${host.url} (database ${dbPath})`)
    await untilStopped()
    io.out('[Host] stopping')
    await host.close()
  } finally {
    await container.shutdown()
  }
  return 0
}
