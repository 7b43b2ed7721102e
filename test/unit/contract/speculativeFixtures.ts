import type { SystemResult } from '../../../main/sim/result'
import { okSystem } from '../renderer/fixtures'

/** A system that decoded speculatively: 1 s in the draft, 3 s in the target (k = 4, α = 0.8). */
export function speculativeSystem(id: string, name: string): SystemResult {
  return {
    ...okSystem(id, name, 0.5, 3.5),
    speculative: {
      draftModel: 'llama3.1-8b',
      proposedTokens: 4,
      acceptanceRate: 0.8,
      expectedTokensPerStep: 3.3616,
      steps: 38,
      draftSeconds: 1,
      targetSeconds: 3,
      draftWeightBytes: 16e9,
      draftKvCacheBytes: 1e8,
    },
  }
}
