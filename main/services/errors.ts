import { ZodError } from 'zod'
import type { ErrorCode, Issue } from '../../contract/channels'
import { issuesOf } from '../../contract/validation'

/** A request named something that does not exist; transports answer `not_found`. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError'
}

/** A request that the current state forbids (cancelling a finished run); transports answer `conflict`. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError'
}

/**
 * A request whose content cannot work (an invalid grid point, an unknown system, a bundle that is
 * not one); transports answer `invalid_input`, with `issues` where the fields are known.
 */
export class InvalidInputError extends Error {
  override readonly name: string = 'InvalidInputError'

  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message)
  }
}

/**
 * The one map from what a service threw to the contract's error code: dispatch answers it in the
 * envelope, the CLI turns it into an exit code. Null for anything else (a bug: `internal`).
 */
export function failureOf(error: unknown): { code: ErrorCode; issues: Issue[] } | null {
  if (error instanceof NotFoundError) return { code: 'not_found', issues: [] }
  if (error instanceof ConflictError) return { code: 'conflict', issues: [] }
  if (error instanceof ZodError) return { code: 'invalid_input', issues: issuesOf(error) }
  if (error instanceof InvalidInputError) return { code: 'invalid_input', issues: [...error.issues] }
  return null
}
