import type { Output } from './cli/commands'
import { main } from './cli/program'
import { UsageError } from './cli/usageError'

// The `memwall` command (bin/memwall.js loads the built copy of this file).
const io: Output = { out: (text) => console.log(text), err: (text) => console.error(text) }

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      io.err(`memwall: ${error.message}`)
      process.exitCode = 2
    } else {
      io.err(`memwall: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    }
  },
)
