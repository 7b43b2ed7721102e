/** Where services write what they do; each line carries the service's name. */
export interface Logger {
  info(message: string): void
  error(message: string): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message) => console.error(message),
}

export const silentLogger: Logger = { info: () => {}, error: () => {} }
