import { describe, expect, it } from 'vitest'
import { resolveSpec } from '../../../../../main/sim/assumptions'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'
import { applyStack, stackRefusal } from '../../../../../main/sim/stacks/apply'
import { STACK_IDS, STACK_PROFILE, stackFigures, stacksFor } from '../../../../../main/sim/stacks/registry'
import { FIT_SOURCE } from '../../../../../main/sim/stacks/figures'
import { simulate } from '../../../../../main/sim/simulate'

const paperAssumptions = { assumptions: { logitsForLastTokenOnly: true, hostLinkModel: 'paper' as const } }

describe('software stacks', () => {
  it('pairs each preset with a stack that has figures for its silicon', () => {
    for (const preset of Object.values(SYSTEM_PRESETS)) {
      expect(preset.defaultStack).toBeDefined()
      expect(stacksFor(preset.chip.family)).toContain(preset.defaultStack)
    }
    expect(SYSTEM_PRESETS['dgx-a100'].defaultStack).toBe('nemo-2023')
    expect(SYSTEM_PRESETS['sn40l-node'].defaultStack).toBe('sambaflow-2024')
    expect(SYSTEM_PRESETS['mi300x-platform'].defaultStack).toBe('vllm-rocm-2024')
  })

  it('keeps the silicon and replaces only the software figures', () => {
    const a100 = SYSTEM_PRESETS['dgx-a100']
    const trt = applyStack(a100, 'trtllm-2024')
    expect(trt.chip.hbmBandwidth).toEqual(a100.chip.hbmBandwidth)
    expect(trt.chip.peakFlops).toEqual(a100.chip.peakFlops)
    expect(trt.chip.memoryEfficiency).toEqual(stackFigures('trtllm-2024', 'a100')!.memoryEfficiency)
    expect(trt.execution.sequenceStepOverhead.value).toBe(0)
    expect(applyStack(a100, undefined)).toBe(a100)
  })

  it('runs a preset on its default stack exactly as the preset', () => {
    const own = resolveSpec(SYSTEM_PRESETS['dgx-h100'], paperAssumptions)
    const onNemo = resolveSpec(SYSTEM_PRESETS['dgx-h100'], paperAssumptions, { stack: 'nemo-2023' })
    expect(onNemo).toEqual(own)
    expect(own.stack).toBe('nemo-2023')
  })

  it('names a custom system’s default stack only while its figures are that stack’s', () => {
    const clone = { ...SYSTEM_PRESETS['dgx-a100'], id: 'my-a100' }
    expect(resolveSpec(clone, paperAssumptions).stack).toBe('nemo-2023')
    const edited = { ...clone, chip: { ...clone.chip, memoryEfficiency: { value: 0.3, source: 'me' } } }
    expect(resolveSpec(edited, paperAssumptions)).toMatchObject({ stack: null, memoryEfficiency: 0.3 })
    const parsed = ScenarioSchema.safeParse({
      name: 'x',
      systems: ['my-a100'],
      customSystems: [{ ...clone, defaultStack: 'sambaflow-2024' }],
      workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2 },
    })
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['customSystems', 0, 'defaultStack'] })
  })

  it('runs the ideal stack on any chip, with no overheads', () => {
    const ideal = resolveSpec(SYSTEM_PRESETS['sn40l-node'], paperAssumptions, { stack: 'ideal' })
    expect(ideal).toMatchObject({ computeEfficiency: 1, memoryEfficiency: 1, stepOverhead: 0, collectiveLatency: 0 })
  })

  it('sources every fitted figure to the rows it was fitted on', () => {
    const figure = stackFigures('nemo-2023', 'a100')!.stepOverhead
    expect(figure.source).toContain(FIT_SOURCE)
    expect(figure.source).toContain('NM-A100-7B-TP1-B1')
    // The chip's kernels are measured, not fitted to end-to-end rows.
    expect(stackFigures('nemo-2023', 'a100')!.memoryEfficiency.source).not.toContain(FIT_SOURCE)
    for (const id of STACK_IDS) expect(STACK_PROFILE[id].label.length).toBeGreaterThan(0)
  })

  it('refuses a stack without figures for the system’s silicon, naming the field and the choices', () => {
    const parsed = ScenarioSchema.safeParse({
      name: 'x',
      systems: ['sn40l-node'],
      workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2 },
      systemOverrides: { 'sn40l-node': { stack: 'nemo-2023' } },
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]).toMatchObject({ path: ['systemOverrides', 'sn40l-node', 'stack'] })
    expect(parsed.error!.issues[0]!.message).toBe(stackRefusal(SYSTEM_PRESETS['sn40l-node'], 'nemo-2023'))
    expect(parsed.error!.issues[0]!.message).toMatch(/use sambaflow-2024 or sambanova-cloud-2024 or ideal/)
  })

  it('records the stack each system ran, in the result and the ledger', () => {
    const result = simulate(
      ScenarioSchema.parse({
        name: 'x',
        systems: ['dgx-a100', 'dgx-h100'],
        workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 2 },
        systemOverrides: { 'dgx-a100': { stack: 'trtllm-2024' } },
      }),
    )
    expect(result.systems.map((s) => s.stackId)).toEqual(['trtllm-2024', 'nemo-2023'])
    expect(result.assumptions.find((a) => a.name === 'dgx-a100.stack')).toMatchObject({
      value: 'trtllm-2024',
      defaultValue: 'nemo-2023',
      overridden: true,
    })
  })

  it('makes a stack with lower overheads and higher efficiency never slower: ideal beats every stack', () => {
    const run = (stack: (typeof STACK_IDS)[number]) =>
      simulate(
        ScenarioSchema.parse({
          name: 'x',
          systems: ['dgx-h100'],
          workload: { model: 'llama2-7b', batch: 8, promptTokens: 128, outputTokens: 20 },
          systemOverrides: { 'dgx-h100': { stack, chips: 4 } },
        }),
      ).systems[0]!.metrics!.totalSeconds
    const ideal = run('ideal')
    for (const stack of stacksFor('h100')) expect(run(stack)).toBeGreaterThanOrEqual(ideal)
  })
})
