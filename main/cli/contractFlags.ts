import type { z } from 'zod'
import { INPUT_SCHEMAS } from '../../contract/api'
import { formatIssues, issuesOf } from '../../contract/validation'
import { UsageError } from './usageError'

/**
 * Command-line flags checked by the contract's own schema of the call the command makes, so the
 * CLI keeps no bounds of its own (seeds 1..64, one or two axes, a 200-character label). An issue
 * is named by its flag (`seeds` → `--seeds`), else by its field path.
 */
export function checkFlags<S extends z.ZodType>(schema: S, flags: unknown, names: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(flags)
  if (parsed.success) return parsed.data
  const issues = issuesOf(parsed.error)
  throw new UsageError(formatIssues(issues, (path) => names[String(path[0])] ?? path.map(String).join('.')))
}

/** A flag's text as a number where it is one (decimal), else as given: the schema says what was wrong. */
export function numberFlag(text: string | undefined): number | string | undefined {
  return text !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : text
}

/** `--host-link`, by the contract's own list of host-link models (default: the paper's). */
export function hostLinkFlag(text: string | undefined): z.output<typeof INPUT_SCHEMAS.paperReport>['hostLinkModel'] {
  return checkFlags(INPUT_SCHEMAS.paperReport, { hostLinkModel: text }, { hostLinkModel: '--host-link' }).hostLinkModel
}
