import { describe, expect, it } from 'vitest'
import { parseMeasurements, validateRow, type MeasurementRow } from '../../../../../main/sim/validation'
import { rowScenario } from '../../../../../main/sim/validation/simulateRow'
import { validFile } from './fixtures'

/** A per-user speed row like the shipped SB-70B-16S (457 tokens/s/user on SambaNova Cloud), not one of them. */
const perUser: MeasurementRow = {
  id: 'SPEC-70B',
  split: 'check',
  stack: 'sambanova-cloud-2024',
  hardware: { base: 'sn40l-node-16', chips: 16 },
  workload: { model: 'llama3.1-70b', batch: 1, promptTokens: 1000, outputTokens: 500, precision: '16-bit' },
  metric: 'decodeTokensPerSecondPerUser',
  measured: 457,
  source: 'test',
}

const drafted = (speculative: Record<string, unknown>): MeasurementRow =>
  ({ ...perUser, workload: { ...perUser.workload, speculative } }) as MeasurementRow

describe('a measurement row with speculative decoding', () => {
  it('parses with an optional speculative workload, and refuses an acceptance rate past 1 at its field', () => {
    const ok = parseMeasurements(validFile([{ ...drafted({ draftModel: 'llama3.1-8b' }), stack: 'nemo-2023' }]))
    expect(ok.ok).toBe(true)
    const bad = parseMeasurements(
      validFile([{ ...drafted({ draftModel: 'llama3.1-8b', acceptanceRate: 2 }), stack: 'nemo-2023' }]),
    )
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues.map((issue) => issue.path)).toEqual(['rows.0.workload.speculative.acceptanceRate'])
  })

  it('runs the row speculatively, the scenario defaults filling what it leaves out', () => {
    const scenario = rowScenario(drafted({ draftModel: 'llama3.1-8b', acceptanceRate: 0.9 }))
    if (typeof scenario === 'string') throw new Error(scenario)
    expect(scenario.workload.speculative).toEqual({ draftModel: 'llama3.1-8b', proposedTokens: 4, acceptanceRate: 0.9 })
  })

  it('simulates a faster per-user speed than the target alone when the draft is well matched', () => {
    const alone = validateRow(perUser)
    const withDraft = validateRow(drafted({ draftModel: 'llama3.1-8b', proposedTokens: 4, acceptanceRate: 0.9 }))
    expect(alone.status).toBe('ok')
    expect(withDraft.status).toBe('ok')
    expect(withDraft.simulated!).toBeGreaterThan(alone.simulated!)
    expect(withDraft.configuration).toMatch(/, speculative with llama3\.1-8b$/)
  })

  it('reports a draft the model cannot run as unsupported, with the reason', () => {
    expect(validateRow(drafted({ draftModel: 'eagle-70b' }))).toMatchObject({
      status: 'unsupported',
      reason: 'draft model "eagle-70b" is not a model preset',
    })
    const larger = validateRow(drafted({ draftModel: 'llama3.1-405b' }))
    expect(larger.status).toBe('unsupported')
    expect(larger.reason).toMatch(/^workload\.speculative\.draftModel: the draft llama3\.1-405b .* must be smaller/)
  })
})
