import { describe, expect, it } from 'vitest'
import { describeIssues } from '../../../../../contract/validation'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { SPECULATIVE_DEFAULT } from '../../../../../main/sim/perf/speculativeDefaults'
import { scenarioHash } from '../../../../../main/sim/scenario/hash'
import { ScenarioSchema, WorkloadSchema } from '../../../../../main/sim/scenario/schema'

const valid = {
  name: 'speculative',
  systems: ['dgx-h100'],
  workload: {
    model: 'llama3.1-70b',
    batch: 1,
    promptTokens: 1000,
    outputTokens: 500,
    speculative: { draftModel: 'llama3.1-8b' },
  },
}

const withSpeculative = (speculative: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
  ...valid,
  ...rest,
  workload: { ...valid.workload, speculative },
})

function issuesOf(input: unknown) {
  const parsed = ScenarioSchema.safeParse(input)
  if (parsed.success) throw new Error('expected the scenario to be refused')
  return { text: describeIssues(parsed.error), paths: parsed.error.issues.map((issue) => issue.path.join('.')) }
}

describe('workload.speculative', () => {
  it('fills k and α from the literature defaults, each described with its source', () => {
    const scenario = ScenarioSchema.parse(valid)
    expect(scenario.workload.speculative).toEqual({
      draftModel: 'llama3.1-8b',
      proposedTokens: 4,
      acceptanceRate: 0.75,
    })
    expect(SPECULATIVE_DEFAULT.proposedTokens.value).toBe(4)
    expect(SPECULATIVE_DEFAULT.acceptanceRate.value).toBe(0.75)
    const fields = WorkloadSchema.shape.speculative.unwrap().shape
    expect(fields.proposedTokens.description).toMatch(/Chen et al\. 2023/)
    expect(fields.acceptanceRate.description).toMatch(/Leviathan.*ICML 2023/)
    expect(WorkloadSchema.shape.speculative.description).toMatch(/ASSUMPTION/)
  })

  it('hashes a scenario the same whether the defaults are written or left out', () => {
    const written = withSpeculative({ draftModel: 'llama3.1-8b', proposedTokens: 4, acceptanceRate: 0.75 })
    expect(scenarioHash(ScenarioSchema.parse(written))).toBe(scenarioHash(ScenarioSchema.parse(valid)))
    const off = { ...valid, workload: { ...valid.workload, speculative: undefined } }
    expect(scenarioHash(ScenarioSchema.parse(off))).not.toBe(scenarioHash(ScenarioSchema.parse(valid)))
  })

  it('refuses a draft larger than the target at the draft field, naming both', () => {
    const { text, paths } = issuesOf({
      ...valid,
      workload: { ...valid.workload, model: 'llama3.1-8b', speculative: { draftModel: 'llama3.1-70b' } },
    })
    expect(paths).toEqual(['workload.speculative.draftModel'])
    expect(text).toBe(
      'workload.speculative.draftModel: the draft llama3.1-70b (70.55 B parameters) must be smaller than the target llama3.1-8b (8.03 B parameters)',
    )
  })

  it('refuses the target as its own draft', () => {
    const { paths, text } = issuesOf(withSpeculative({ draftModel: 'llama3.1-70b' }))
    expect(paths).toEqual(['workload.speculative.draftModel'])
    expect(text).toMatch(/must be smaller than the target llama3\.1-70b/)
  })

  it('refuses a draft with another vocabulary: the target cannot verify its tokens', () => {
    const { paths, text } = issuesOf(withSpeculative({ draftModel: 'llama2-7b' }))
    expect(paths).toEqual(['workload.speculative.draftModel'])
    expect(text).toMatch(/llama2-7b has a vocabulary of 32000 tokens, the target llama3\.1-70b 128256/)
  })

  it('refuses k and α out of bounds, at their fields', () => {
    expect(issuesOf(withSpeculative({ draftModel: 'llama3.1-8b', proposedTokens: 0 })).paths).toEqual([
      'workload.speculative.proposedTokens',
    ])
    expect(issuesOf(withSpeculative({ draftModel: 'llama3.1-8b', proposedTokens: 17 })).paths).toEqual([
      'workload.speculative.proposedTokens',
    ])
    expect(issuesOf(withSpeculative({ draftModel: 'llama3.1-8b', proposedTokens: 2.5 })).paths).toEqual([
      'workload.speculative.proposedTokens',
    ])
    expect(issuesOf(withSpeculative({ draftModel: 'llama3.1-8b', acceptanceRate: 1.1 })).paths).toEqual([
      'workload.speculative.acceptanceRate',
    ])
    expect(issuesOf(withSpeculative({ draftModel: 'llama3.1-8b', acceptanceRate: -0.1 })).paths).toEqual([
      'workload.speculative.acceptanceRate',
    ])
    expect(issuesOf(withSpeculative({ draftModel: 'gpt-5' })).paths).toEqual(['workload.speculative.draftModel'])
    expect(issuesOf(withSpeculative({ draftModel: 'llama3.1-8b', gamma: 4 })).paths).toEqual(['workload.speculative'])
  })

  it('accepts α at both ends: 0 (every proposal rejected) and 1 (every one accepted)', () => {
    for (const acceptanceRate of [0, 1]) {
      expect(ScenarioSchema.safeParse(withSpeculative({ draftModel: 'llama3.1-8b', acceptanceRate })).success).toBe(
        true,
      )
    }
  })

  it('refuses chips that split the target but not the draft, which runs on the same chips', () => {
    // 64 chips divide Llama 3.1 70B's 64 heads but not the 8B's 32.
    const big = { ...SYSTEM_PRESETS['dgx-h100'], id: 'gpu-64', chipCount: { value: 64, source: 'test' } }
    const { paths, text } = issuesOf(
      withSpeculative(
        { draftModel: 'llama3.1-8b' },
        { systems: ['gpu-64'], customSystems: [big], systemOverrides: { 'gpu-64': { chips: 64 } } },
      ),
    )
    expect(paths).toEqual(['systemOverrides.gpu-64.chips'])
    expect(text).toMatch(/must divide the draft llama3\.1-8b's 32 attention heads/)
  })
})
