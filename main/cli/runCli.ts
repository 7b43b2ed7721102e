import type { Output } from './commands'
import { main } from './program'
import { exitCodeOf } from './exitCodes'

/**
 * The whole `memwall` command: runs it and answers its exit code, printing a failure as one
 * line (exit codes: exitCodes.ts). The entry (main/cli.ts) and in-process tests call this, so
 * both see the same codes.
 */
export async function runCli(argv: string[], io: Output): Promise<number> {
  try {
    return await main(argv, io)
  } catch (error) {
    io.err(`memwall: ${error instanceof Error ? error.message : String(error)}`)
    return exitCodeOf(error)
  }
}
