import { readFileSync } from 'node:fs'
import { parseTrace, ScenarioSchema, type Scenario } from '../../contract/api'
import { describeIssues } from '../../contract/validation'
import type { z } from 'zod'
import { UsageError } from './usageError'

/** Command-line changes to a scenario file before it is validated. */
export interface ScenarioChanges {
  seed?: string | undefined
  requests?: string | undefined
  /** A CSV or JSONL trace that replaces the serving traffic. */
  trace?: string | undefined
}

/**
 * A text file's contents, without a leading byte-order mark: editors on Windows write one, and
 * JSON.parse would refuse it as an "Unexpected token".
 */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')})`,
    )
  }
}

function wholeNumber(flag: string, text: string, max: number): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new UsageError(`${flag}: expected an integer 0..${max}, got "${text}"`)
  return value
}

function applyChanges(json: Record<string, unknown>, changes: ScenarioChanges): void {
  if (changes.seed !== undefined) json.seed = wholeNumber('--seed', changes.seed, 4294967295)
  if (changes.requests === undefined && changes.trace === undefined) return
  const serving = json.serving
  if (typeof serving !== 'object' || serving === null) {
    throw new UsageError(
      `${changes.trace !== undefined ? '--trace' : '--requests'}: the scenario has no serving section`,
    )
  }
  const target = serving as Record<string, unknown>
  if (changes.requests !== undefined) target.requests = wholeNumber('--requests', changes.requests, 10_000_000)
  if (changes.trace !== undefined) {
    const format = changes.trace.endsWith('.csv') ? 'csv' : 'jsonl'
    try {
      target.traffic = { kind: 'trace', arrivals: parseTrace(readTextFile(changes.trace), format).arrivals }
    } catch (error) {
      if (error instanceof UsageError) throw error
      throw new UsageError(`${changes.trace}: ${(error as Error).message}`)
    }
  }
}

/** Reads and validates a scenario file; every failure names the file and, where it applies, the field. */
export function readScenarioFile(path: string, changes: ScenarioChanges = {}): Scenario {
  const text = readTextFile(path)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    // V8 quotes the offending source, newlines and all: keep the answer on one line.
    throw new UsageError(`${path}: invalid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
  if (typeof json === 'object' && json !== null && !Array.isArray(json))
    applyChanges(json as Record<string, unknown>, changes)
  const parsed = ScenarioSchema.safeParse(json)
  if (!parsed.success) throw new UsageError(describeRefusal(path, changes.trace, parsed.error))
  return parsed.data
}

const ARRIVALS_PATH = ['serving', 'traffic', 'arrivals']

/**
 * One line for a refused scenario. A field of a request read from `--trace` is blamed on the
 * trace file, by request number, not on the scenario file that never held it.
 */
function describeRefusal(path: string, trace: string | undefined, error: z.ZodError): string {
  const inTrace = (issue: z.core.$ZodIssue): boolean =>
    trace !== undefined && ARRIVALS_PATH.every((key, i) => issue.path[i] === key) && issue.path.length > 3
  const fromTrace = error.issues.filter(inTrace)
  if (fromTrace.length === 0) return `${path}: ${describeIssues(error)}`
  const [first] = fromTrace
  const request = Number(first!.path[3]) + 1
  const field = first!.path.slice(4).map(String).join('.')
  return `${trace}: request ${request}${field ? `: ${field}` : ''}: ${first!.message}`
}
