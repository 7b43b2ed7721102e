// `npm run bench`: figures for the simulation core, the serving simulation and the run pipeline.
// Prints, never asserts. Each part runs in a fresh process: code one part optimises for its own
// shapes would otherwise slow the next (the JIT keeps what it learned), and the order of the parts
// would change the figures. The two simulation parts run bundled into one module, as the app ships
// them (electron-vite bundles the worker); loaded module by module through tsx the same code runs
// about a third slower, which would measure the loader, not the simulator.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url))
const outDir = here('../out/bench')

async function bundled(part: string): Promise<string[]> {
  const outfile = `${outDir}/${part.replace(/\.ts$/, '.mjs')}`
  // Packages stay imports, resolved from out/bench as from the project; only our code is bundled.
  await build({
    entryPoints: [here(part)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
  return [outfile]
}

const parts: [string, () => Promise<string[]>][] = [
  ['core.ts', () => bundled('core.ts')],
  ['serving.ts', () => bundled('serving.ts')],
  // Through tsx: the pipeline starts its worker pool from the source tree, as in development.
  ['pipeline.ts', async () => [...process.execArgv, here('pipeline.ts')]],
  ['history.ts', async () => [...process.execArgv, here('history.ts')]],
  ['sweeps.ts', async () => [...process.execArgv, here('sweeps.ts')]],
]

for (const [, args] of parts) {
  const { status } = spawnSync(process.execPath, await args(), { stdio: 'inherit' })
  if (status !== 0) process.exitCode = status ?? 1
}
