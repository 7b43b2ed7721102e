/** A request named something that does not exist; transports answer `not_found`. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError'
}
