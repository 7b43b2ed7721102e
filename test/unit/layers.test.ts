import { describe, expect, it } from 'vitest'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser'

// The layer rule must bite: feed it deliberate violations laid out like the real tree.
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration
const fixtureRoot = fileURLToPath(new URL('../fixtures/layering/', import.meta.url))

async function violations(): Promise<{ from: string; rule: string }[]> {
  const { output } = await cruise(['main', 'contract', 'preload', 'renderer'], {
    ruleSet: { forbidden: config.forbidden },
    baseDir: fixtureRoot,
    validate: true,
    tsPreCompilationDeps: true,
  })
  return (output as ICruiseResult).summary.violations.map((v) => ({ from: v.from, rule: v.rule.name }))
}

describe('the layering check', () => {
  it('rejects main/sim importing node:fs, a database driver or the store', async () => {
    const found = await violations()
    expect(found).toContainEqual({ from: 'main/sim/leaky.ts', rule: 'sim-no-platform' })
    expect(found).toContainEqual({ from: 'main/sim/reachesUp.ts', rule: 'sim-self-contained' })
  })

  it.each([
    ['main/store/usesElectron.ts', 'electron-only-in-shell'],
    ['preload/index.ts', 'preload-stays-small'],
    ['contract/reachesStore.ts', 'contract-is-thin'],
    ['main/workers/usesStore.ts', 'workers-run-sim-only'],
    ['main/host/usesContainer.ts', 'host-through-dispatch'],
    ['renderer/src/readsDatabase.ts', 'renderer-through-contract'],
  ])('rejects %s (%s)', async (from, rule) => {
    expect(await violations()).toContainEqual({ from, rule })
  })

  it('explains each rule and points at the architecture document', () => {
    for (const rule of config.forbidden ?? []) expect(rule.comment).toContain('docs/ARCHITECTURE.md')
  })
})
