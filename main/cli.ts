import type { Output } from './cli/commands'
import { runCli } from './cli/runCli'

// The `memwall` command (bin/memwall.js loads the built copy of this file).
const io: Output = { out: (text) => console.log(text), err: (text) => console.error(text) }

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code
})
