import { readFileSync } from 'node:fs'
import { ScenarioSchema, type Scenario } from '../../preload/api'
import { describeIssues } from '../../preload/validation'
import { UsageError } from './usageError'

/** Reads and validates a scenario file; every failure names the file and, where it applies, the field. */
export function readScenarioFile(path: string): Scenario {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')})`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    // V8 quotes the offending source, newlines and all: keep the answer on one line.
    throw new UsageError(`${path}: invalid JSON: ${(error as Error).message.replace(/\s+/g, ' ')}`)
  }
  const parsed = ScenarioSchema.safeParse(json)
  if (!parsed.success) throw new UsageError(`${path}: ${describeIssues(parsed.error)}`)
  return parsed.data
}
