import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { STACK_IDS, STACK_PROFILE } from '../../../../main/sim/stacks/registry'
import { SIMULATOR_VERSION } from '../../../../main/sim/version'

/**
 * A refit (`tools/fitStacks.ts --write`) changes results under the same scenario hash: replay and
 * sweep resume only notice through the simulator version. So every stack figure's value is pinned
 * to the version; a change to any of them must bump SIMULATOR_VERSION and pin the new digest.
 */
const PINNED: Record<string, string> = {
  '0.4.0': '433a421d59e326d8',
  '0.5.0': 'b45c288ab88279f8',
}

function stackFiguresDigest(): string {
  const values = STACK_IDS.map((id) => {
    const profile = STACK_PROFILE[id]
    const families = Object.entries(profile.families).map(([family, on]) => [
      family,
      Object.entries(on!.figures).map(([key, figure]) => [key, figure.value]),
    ])
    const any = profile.anySilicon && Object.entries(profile.anySilicon).map(([key, figure]) => [key, figure.value])
    return [id, families, any ?? null]
  })
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16)
}

describe('the simulator version', () => {
  it('changes whenever a software stack’s figures do (bump main/sim/version.ts, then pin the digest here)', () => {
    expect(stackFiguresDigest()).toBe(PINNED[SIMULATOR_VERSION])
  })
})
