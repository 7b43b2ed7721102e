#!/usr/bin/env node
// The memwall CLI runs the built bundle; `npm install` builds it (the "prepare" script).
import { existsSync } from 'node:fs'

const entry = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(entry)) {
  console.error('memwall: the workbench is not built (no out/main/cli.js): run `npm run build`')
  process.exit(2)
}
await import(entry.href)
