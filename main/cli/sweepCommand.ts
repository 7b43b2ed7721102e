import { INPUT_SCHEMAS } from '../../contract/api'
import { InvalidInputError } from '../services/errors'
import { MergeError } from '../services/sweepMerge'
import { parseShardOption, parseVary } from '../services/sweepService'
import { withContainer, type CommandOptions, type Output, type StartFlags } from './commands'
import { checkFlags } from './contractFlags'
import { formatSweepDetail } from './sweepFormat'
import { readScenarioFile } from './scenarioFile'
import { UsageError } from './usageError'

export interface SweepOptions extends CommandOptions {
  vary?: string[] | undefined
  shard?: string | undefined
}

/** A service's "your input cannot work" is the caller's mistake: exit code 2. */
function usageOf(error: unknown): unknown {
  return error instanceof InvalidInputError || error instanceof MergeError ? new UsageError(error.message) : error
}

function asUsage<T>(work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw usageOf(error)
  }
}

/**
 * `memwall sweep <scenario.json> --vary <path>=<values> …`: runs the grid (or one shard of it),
 * stores it, prints one row per point and the crossovers; exit code 1 when a point failed or the
 * sweep did not finish.
 */
export async function sweepCommand(
  file: string,
  options: SweepOptions,
  { label, seeds }: StartFlags,
  io: Output,
): Promise<number> {
  const scenario = readScenarioFile(file)
  const { axes } = checkFlags(
    INPUT_SCHEMAS.sweepsStart.pick({ axes: true }),
    { axes: asUsage(() => (options.vary ?? []).map((text) => parseVary(scenario, text))) },
    { axes: '--vary' },
  )
  const shard = options.shard === undefined ? undefined : asUsage(() => parseShardOption(options.shard!))
  return withContainer(options, async (container) => {
    const started = await container.sweeps
      .start({ scenario, axes, seeds, label, shard })
      .catch((error: unknown) => Promise.reject(usageOf(error)))
    const sweep = await container.sweeps.waitFor(started.id)
    const mine = shard
      ? new Set(sweep.pointsData.filter((p) => p.index % shard.count === shard.index).map((p) => p.index))
      : null
    if (options.json) {
      const points = sweep.pointsData.filter((point) => !mine || mine.has(point.index))
      io.out(
        JSON.stringify(
          { sweepId: sweep.id, sweepHash: sweep.sweepHash, status: sweep.status, points, crossovers: sweep.crossovers },
          null,
          2,
        ),
      )
    } else io.out(formatSweepDetail(sweep, mine))
    return sweep.status === 'finished' && sweep.failed === 0 ? 0 : 1
  })
}

/** `memwall merge <db>…`: folds the shards' sweeps into the --db database (all or nothing; exit 2 if refused). */
export async function mergeCommand(paths: string[], options: CommandOptions, io: Output): Promise<number> {
  return withContainer(options, async (container) => {
    const report = asUsage(() => container.sweeps.merge(paths))
    const { sweep } = report
    if (options.json) io.out(JSON.stringify(report, null, 2))
    else
      io.out(
        `merged ${report.shards} shard(s) into sweep ${sweep.id} (sweep hash ${sweep.sweepHash.slice(0, 12)}…): ` +
          `${sweep.done} of ${sweep.points} point(s) done, ${sweep.failed} failed — ${sweep.status}`,
      )
    return 0
  })
}
