import { parseArgs } from 'node:util'
import { HOST_LINK_MODELS, INPUT_SCHEMAS } from '../../contract/api'
import {
  exportCommand,
  importCommand,
  listCommand,
  paperCommand,
  presetsCommand,
  replayCommand,
  runCommand,
  serveCommand,
  showCommand,
  type CommandOptions,
  type Output,
  type StartFlags,
} from './commands'
import { checkFlags, numberFlag } from './contractFlags'
import { reportCommand } from './reportCommand'
import { mergeCommand, sweepCommand } from './sweepCommand'
import { UsageError } from './usageError'
import { validateCommand } from './validateCommand'

const USAGE = `usage: memwall <command> [options]

  run <scenario.json> [--db F] [--json] [--label T]   run a scenario, store it, print a summary
      [--seed N] [--requests N] [--trace F.csv|F.jsonl]   override the seed, the served requests, the traffic
      [--seeds N]                                         a seed spread: N seeds in parallel workers, P5–P95 of each metric
  sweep <scenario.json> --vary <field.path>=<values> [--vary …] [--seeds K] [--shard i/N] [--label T] [--json] [--db F]
                                                      run a grid of variants: <values> is a,b,c or start..stop:step
                                                      or start..stop:xN (N log-spaced); prints each point and where
                                                      systems cross or need another machine
  merge <db>... [--db F] [--json]                     fold the databases of a sweep's shards into --db
  list [--db F] [--json]                              list stored runs, newest first
  show <runId> [--db F] [--json]                      print one stored run
  replay <runId> [--db F] [--json] [--keep]           run a stored run again and compare, metric by metric
                                                      (exit 0: reproduced, 1: differs); --keep stores the replay
  export <runId>... --out F [--db F]                  write stored runs to a bundle file F
  import <file> [--db F] [--json]                     store the runs of a bundle file (all or nothing)
  report <runId>... --out F [--title T] [--baseline ID] [--page-size A4|Letter] [--db F]
                                                      compare runs in a report: F ends in .html, .pdf, .csv or .json
  report --paper --out F [--host-link ${HOST_LINK_MODELS.join('|')}]   the paper check as a report
  report --validation --out F [--measurements F] [--stack ID]   the validation as a report
  serve [--port N] [--db F] [--reason T]              serve the workbench on http://127.0.0.1:N (default 4318)
  presets [--json]                                    list the hardware and model presets
  paper [--json] [--host-link ${HOST_LINK_MODELS.join('|')}]     reproduce the SN40L paper's experiments from the model
  validate [--measurements F] [--stack ID] [--kernels] [--json]
                                                      simulate published measurements of real machines beside
                                                      their measured values (default: the shipped set); --kernels
                                                      also checks collectives against measured NCCL all-reduces
                                                      and operator kernels against measured kernel times;
                                                      exit 0 when it ran, 2 on a bad file

The database is --db, else $MEMWALL_DB, else memwall.db in the user-data folder.`

/** `positionals` is exact, or the least number when `more` allows any number after it. */
const OPTIONS_BY_COMMAND: Record<string, { positionals: number; more?: boolean; options: string[] }> = {
  run: { positionals: 1, options: ['db', 'json', 'label', 'seed', 'seeds', 'requests', 'trace'] },
  sweep: { positionals: 1, options: ['db', 'json', 'label', 'seeds', 'vary', 'shard'] },
  merge: { positionals: 1, more: true, options: ['db', 'json'] },
  list: { positionals: 0, options: ['db', 'json'] },
  show: { positionals: 1, options: ['db', 'json'] },
  replay: { positionals: 1, options: ['db', 'json', 'keep'] },
  export: { positionals: 1, more: true, options: ['db', 'out'] },
  import: { positionals: 1, options: ['db', 'json'] },
  report: {
    positionals: 0,
    more: true,
    options: [
      'db',
      'out',
      'title',
      'baseline',
      'paper',
      'page-size',
      'host-link',
      'validation',
      'measurements',
      'stack',
    ],
  },
  serve: { positionals: 0, options: ['db', 'port', 'reason'] },
  presets: { positionals: 0, options: ['json'] },
  paper: { positionals: 0, options: ['json', 'host-link'] },
  validate: { positionals: 0, options: ['json', 'measurements', 'stack', 'kernels'] },
}

function parse(argv: string[]): {
  command: string
  positionals: string[]
  options: CommandOptions & {
    reason?: string
    help?: boolean
    'host-link'?: string
    title?: string
    baseline?: string
    paper?: boolean
    validation?: boolean
    measurements?: string
    stack?: string
    kernels?: boolean
    'page-size'?: string
    vary?: string[]
    shard?: string
  }
} {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        keep: { type: 'boolean' },
        out: { type: 'string' },
        label: { type: 'string' },
        port: { type: 'string' },
        reason: { type: 'string' },
        'host-link': { type: 'string' },
        title: { type: 'string' },
        baseline: { type: 'string' },
        paper: { type: 'boolean' },
        validation: { type: 'boolean' },
        measurements: { type: 'string' },
        stack: { type: 'string' },
        kernels: { type: 'boolean' },
        'page-size': { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        requests: { type: 'string' },
        trace: { type: 'string' },
        vary: { type: 'string', multiple: true },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments')
  }
  const [command = '', ...positionals] = parsed.positionals
  return { command, positionals, options: parsed.values }
}

/** The flags named in the contract's issues: `seeds` is `--seeds`, `axes` the `--vary`s. */
const FLAG_NAMES = { label: '--label', seeds: '--seeds', axes: '--vary' }

/**
 * `--label` and `--seeds` checked now, by the contract's own schema of the run or sweep the
 * command will start (the scenario and axes are checked when read): a bad one is refused
 * before anything is read or run.
 */
function checkStartFlags(command: 'run' | 'sweep', options: CommandOptions): StartFlags {
  const flags = { label: options.label, seeds: numberFlag(options.seeds) }
  return command === 'sweep'
    ? checkFlags(INPUT_SCHEMAS.sweepsStart.pick({ label: true, seeds: true }), flags, FLAG_NAMES)
    : checkFlags(INPUT_SCHEMAS.runsStart.pick({ label: true, seeds: true }), flags, FLAG_NAMES)
}

export async function main(argv: string[], io: Output): Promise<number> {
  const { command, positionals, options } = parse(argv)
  if (options.help || command === '' || command === 'help') {
    io.out(USAGE)
    return command === '' && !options.help ? 2 : 0
  }
  const spec = OPTIONS_BY_COMMAND[command]
  if (!spec) throw new UsageError(`unknown command "${command}" (try memwall --help)`)
  const extra = Object.keys(options).find((name) => !spec.options.includes(name))
  if (extra) throw new UsageError(`${command}: option --${extra} does not apply`)
  if (spec.more ? positionals.length < spec.positionals : positionals.length !== spec.positionals) {
    throw new UsageError(
      `${command}: expected ${spec.more ? 'at least ' : ''}${spec.positionals} argument(s), got ${positionals.length} (try memwall --help)`,
    )
  }
  const [first = ''] = positionals
  switch (command) {
    case 'run':
      return runCommand(first, options, checkStartFlags('run', options), io)
    case 'sweep':
      return sweepCommand(first, options, checkStartFlags('sweep', options), io)
    case 'merge':
      return mergeCommand(positionals, options, io)
    case 'list':
      return listCommand(options, io)
    case 'show':
      return showCommand(first, options, io)
    case 'replay':
      return replayCommand(first, options, io)
    case 'export':
      return exportCommand(positionals, options, io)
    case 'import':
      return importCommand(first, options, io)
    case 'paper':
      return paperCommand({ ...options, hostLink: options['host-link'] }, io)
    case 'validate':
      return validateCommand(options, io)
    case 'report':
      return reportCommand(
        positionals,
        { ...options, hostLink: options['host-link'], pageSize: options['page-size'] },
        io,
      )
    case 'serve':
      return serveCommand(options, io, options.reason)
    default:
      return presetsCommand(options, io)
  }
}
