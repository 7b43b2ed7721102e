/** A request named something that does not exist; transports answer `not_found`. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError'
}

/** A request that the current state forbids (cancelling a finished run); transports answer `conflict`. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError'
}

/** A request whose content cannot work (an invalid grid point, an unknown system); transports answer `invalid_input`. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError'
}
