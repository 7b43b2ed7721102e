import type { ErrorCode } from '../../contract/channels'
import { failureOf } from '../services/errors'
import { UsageError } from './usageError'

/**
 * The one map from a failure to `memwall`'s exit code: 2 for anything the caller can fix (bad
 * input, a run that does not exist, a state that forbids it), 1 for what went wrong inside.
 */
const EXIT_CODE_BY_ERROR: Record<ErrorCode, number> = {
  invalid_input: 2,
  not_found: 2,
  conflict: 2,
  forbidden: 2,
  unknown_channel: 2,
  internal: 1,
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_CODE_BY_ERROR.invalid_input
  return EXIT_CODE_BY_ERROR[failureOf(error)?.code ?? 'internal']
}
