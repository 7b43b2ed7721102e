import { createContainer, type Container } from '../container'
import { createDispatch } from '../dispatch'
import { defaultUserDataDir, resolveDbPath } from '../dbPath'
import { findRendererDir } from '../host/rendererDir'
import { startHost, type HostOptions, type RunningHost } from '../host/server'
import { consoleLogger, silentLogger } from '../services/logger'
import { NotFoundError } from '../services/errors'
import { PaperService } from '../services/paperService'
import { PresetService } from '../services/presetService'
import { formatPresets, formatRunDetail, formatRunList } from './format'
import { formatPaperReport } from './paperFormat'
import { readScenarioFile } from './scenarioFile'
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
}

export interface Output {
  out(text: string): void
  err(text: string): void
}

function openContainer(options: CommandOptions, verbose: boolean): Container {
  const dbPath = resolveDbPath(options.db, process.env, defaultUserDataDir())
  return createContainer({ dbPath, logger: verbose ? consoleLogger : silentLogger })
}

async function withContainer<T>(options: CommandOptions, work: (container: Container) => Promise<T>): Promise<T> {
  const container = openContainer(options, false)
  try {
    return await work(container)
  } finally {
    await container.shutdown()
  }
}

/** Runs a scenario file to its end and stores it; exit code 1 when the run did not finish. */
export async function runCommand(file: string, options: CommandOptions, io: Output): Promise<number> {
  const scenario = readScenarioFile(file, { seed: options.seed, requests: options.requests, trace: options.trace })
  return withContainer(options, async (container) => {
    const seeds = options.seeds === undefined ? 1 : Number(options.seeds)
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > 64)
      throw new UsageError(`--seeds: expected 1..64, got "${options.seeds}"`)
    const { id } = container.runs.start({ scenario, label: options.label, seeds })
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
    const runs = container.runs.list(1000)
    io.out(options.json ? JSON.stringify(runs, null, 2) : formatRunList(runs))
    return 0
  })
}

export async function showCommand(runIdText: string, options: CommandOptions, io: Output): Promise<number> {
  const runId = Number(runIdText)
  if (!Number.isInteger(runId) || runId < 1)
    throw new UsageError(`runId: expected a positive integer, got "${runIdText}"`)
  return withContainer(options, async (container) => {
    let run
    try {
      run = container.runs.get(runId)
    } catch (error) {
      if (error instanceof NotFoundError) throw new UsageError(`runId: run ${runId} does not exist in this database`)
      throw error
    }
    io.out(options.json ? JSON.stringify(run, null, 2) : formatRunDetail(run))
    return 0
  })
}

export function presetsCommand(options: CommandOptions, io: Output): number {
  const presets = new PresetService().list()
  io.out(options.json ? JSON.stringify(presets, null, 2) : formatPresets(presets))
  return 0
}

/** Serves the workbench UI and API on 127.0.0.1 until SIGINT or SIGTERM. */
/** The paper's experiments reproduced by the model; `--host-link perGpuLinks` gives each GPU its own PCIe link. */
export function paperCommand(options: CommandOptions, io: Output): number {
  const hostLink = options.hostLink ?? 'paper'
  if (hostLink !== 'paper' && hostLink !== 'perGpuLinks') {
    throw new UsageError(`--host-link: expected paper or perGpuLinks, got "${hostLink}"`)
  }
  const report = new PaperService().report(hostLink)
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
