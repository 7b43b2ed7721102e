import { describe, expect, it } from 'vitest'
import { describeIssues } from '../../../../../contract/validation'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'
import { simulate } from '../../../../../main/sim/simulate'

const valid = {
  name: 'precision',
  systems: ['dgx-h100'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
}

function issuesOf(input: unknown) {
  const parsed = ScenarioSchema.safeParse(input)
  if (parsed.success) throw new Error('expected the scenario to be refused')
  return { text: describeIssues(parsed.error), issues: parsed.error.issues }
}

describe('workload.precision', () => {
  it('defaults to bf16: a scenario written before it existed still parses and runs', () => {
    const scenario = ScenarioSchema.parse(valid)
    expect(scenario.workload.precision).toBe('bf16')
    expect(simulate(scenario).systems[0]!.status).toBe('ok')
  })

  it('refuses FP8 on a DGX A100 at the precision field, naming the chip and what it has', () => {
    const { text, issues } = issuesOf({
      ...valid,
      systems: ['dgx-h100', 'dgx-a100'],
      workload: { ...valid.workload, precision: 'fp8' },
    })
    expect(issues).toHaveLength(1)
    expect(issues[0]!.path).toEqual(['workload', 'precision'])
    expect(text).toBe(
      'workload.precision: dgx-a100: the A100 80GB SXM4 has no FP8 peak (its figures give BF16, FP16 and INT8); choose bf16, fp16 or int8',
    )
  })

  it('refuses INT8 (and FP16, FP8) on the SN40L: the paper gives BF16 only', () => {
    for (const precision of ['fp16', 'fp8', 'int8']) {
      const { text } = issuesOf({ ...valid, systems: ['sn40l-node'], workload: { ...valid.workload, precision } })
      expect(text).toMatch(/^workload\.precision: sn40l-node: the SN40L socket \(RDU\) has no [A-Z0-9]+ peak/)
      expect(text).toMatch(/choose bf16$/)
    }
  })

  it('refuses an unknown precision with the registry’s choices', () => {
    expect(issuesOf({ ...valid, workload: { ...valid.workload, precision: 'int4' } }).text).toMatch(
      /^workload\.precision: Invalid option: expected one of "bf16"\|"fp16"\|"fp8"\|"int8"/,
    )
  })

  it('keeps a custom system without precisionPeaks valid at BF16, and lets it add a peak', () => {
    const { precisionPeaks: _dropped, ...chip } = SYSTEM_PRESETS['dgx-h100'].chip
    const custom = { ...SYSTEM_PRESETS['dgx-h100'], id: 'my-box', chip }
    const base = { ...valid, systems: ['my-box'], customSystems: [custom] }
    expect(ScenarioSchema.safeParse(base).success).toBe(true)
    const fp8 = { ...base, workload: { ...valid.workload, precision: 'fp8' } }
    expect(issuesOf(fp8).text).toMatch(
      /my-box: .* has no FP8 peak .*; choose bf16, or give its chip\.precisionPeaks\.fp8$/,
    )
    const peaked = { ...custom, chip: { ...chip, precisionPeaks: { fp8: { value: 2e15, source: 'mine' } } } }
    const scenario = ScenarioSchema.parse({ ...fp8, customSystems: [peaked] })
    const result = simulate(scenario).systems[0]!
    const atBf16 = simulate(ScenarioSchema.parse(base)).systems[0]!
    expect(result.achievablePerChip.flopsPerSecond / atBf16.achievablePerChip.flopsPerSecond).toBeCloseTo(2e15 / 989e12)
    expect(result.memory.weightBytes).toBe(6_738_415_616)
  })

  it('refuses a precision the chip schema does not know in precisionPeaks', () => {
    const custom = {
      ...SYSTEM_PRESETS['dgx-h100'],
      id: 'my-box',
      chip: { ...SYSTEM_PRESETS['dgx-h100'].chip, precisionPeaks: { fp4: { value: 1, source: 'x' } } },
    }
    expect(issuesOf({ ...valid, systems: ['my-box'], customSystems: [custom] }).text).toMatch(
      /^customSystems\.0\.chip\.precisionPeaks: Unrecognized key: "fp4"/,
    )
  })
})
