import { describe, expect, it } from 'vitest'
import { ScenarioSchema } from '../../../../../main/sim/scenario/schema'
import { describeIssues } from '../../../../../preload/validation'
import { SYSTEM_PRESETS } from '../../../../../main/sim/hardware/presets'
import { simulate } from '../../../../../main/sim/simulate'

const valid = {
  name: 'ok',
  systems: ['sn40l-node'],
  workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20 },
}

function errorOf(input: unknown): string {
  const parsed = ScenarioSchema.safeParse(input)
  if (parsed.success) throw new Error('expected the scenario to be rejected')
  return describeIssues(parsed.error)
}

describe('ScenarioSchema', () => {
  it('fills every default', () => {
    const scenario = ScenarioSchema.parse(valid)
    expect(scenario).toMatchObject({
      schemaVersion: 1,
      description: '',
      seed: 1,
      systemOverrides: {},
      assumptions: { logitsForLastTokenOnly: true },
    })
    expect(scenario.workload.precision).toBe('bf16')
  })

  it.each([
    [
      'a batch of the wrong type',
      { workload: { ...valid.workload, batch: '8' } },
      /^workload\.batch: .*expected number/,
    ],
    ['a batch out of range', { workload: { ...valid.workload, batch: 0 } }, /^workload\.batch: Too small/],
    ['a fractional prompt length', { workload: { ...valid.workload, promptTokens: 1.5 } }, /^workload\.promptTokens: /],
    ['an unknown system', { systems: ['tpu-v9'] }, /^systems\.0: "tpu-v9" is neither a preset nor in customSystems/],
    ['a system id of the wrong form', { systems: ['TPU v9'] }, /^systems\.0: a system id/],
    ['no systems', { systems: [] }, /^systems: Too small/],
    [
      'an unknown model',
      { workload: { ...valid.workload, model: 'gpt-5' } },
      /^workload\.model: Invalid option: expected one of "llama2-7b"\|/,
    ],
    ['an unknown field', { colour: 'red' }, /^\(root\): Unrecognized key: "colour"/],
    ['a negative seed', { seed: -1 }, /^seed: Too small/],
    ['a repeated system', { systems: ['dgx-a100', 'dgx-a100'] }, /^systems\.1: "dgx-a100" is listed twice/],
    [
      'too long a context',
      { workload: { ...valid.workload, promptTokens: 4000, outputTokens: 200 } },
      /^workload\.outputTokens: promptTokens \+ outputTokens = 4200 exceeds llama2-7b's context window of 4096/,
    ],
    [
      'an override for a system not run',
      { systemOverrides: { 'dgx-h100': { chips: 4 } } },
      /^systemOverrides\.dgx-h100: "dgx-h100" is not in systems/,
    ],
    [
      'more chips than the system has',
      { systemOverrides: { 'sn40l-node': { chips: 16 } } },
      /^systemOverrides\.sn40l-node\.chips: sn40l-node has 8 chips, not 16/,
    ],
    [
      'a fused mode on a GPU',
      { systems: ['dgx-h100'], systemOverrides: { 'dgx-h100': { mode: 'fusedHO' } } },
      /^systemOverrides\.dgx-h100\.mode: dgx-h100 has no dataflow fusion/,
    ],
    [
      'chips that do not divide the heads',
      { systemOverrides: { 'sn40l-node': { chips: 3 } } },
      /^systemOverrides\.sn40l-node\.chips: must divide llama2-7b's 32 attention heads/,
    ],
    [
      'an efficiency above 1',
      { systemOverrides: { 'sn40l-node': { memoryEfficiency: 1.2 } } },
      /^systemOverrides\.sn40l-node\.memoryEfficiency: Too big/,
    ],
  ])('names the field for %s', (_label, change, message) => {
    expect(errorOf({ ...valid, ...change })).toMatch(message)
  })
})

describe('custom systems', () => {
  const custom = { ...SYSTEM_PRESETS['dgx-h100'], id: 'my-gpu-box', name: 'My GPU box' }

  it('accepts a system defined in the scenario and runs it like a preset', () => {
    const scenario = ScenarioSchema.parse({ ...valid, systems: ['my-gpu-box', 'dgx-h100'], customSystems: [custom] })
    const [mine, preset] = simulate(scenario).systems
    expect(mine!.systemName).toBe('My GPU box')
    expect(mine!.metrics!.totalSeconds).toBeCloseTo(preset!.metrics!.totalSeconds, 12)
  })

  it.each([
    [
      'an id that is neither preset nor custom',
      { systems: ['nobody'] },
      /^systems\.0: "nobody" is neither a preset nor in customSystems/,
    ],
    [
      'a custom system reusing a preset id',
      { customSystems: [{ ...custom, id: 'dgx-h100' }] },
      /^customSystems\.0\.id: "dgx-h100" is a preset id/,
    ],
    [
      'a custom system with a field out of range',
      { customSystems: [{ ...custom, chip: { ...custom.chip, memoryEfficiency: { value: 2, source: 'x' } } }] },
      /^customSystems\.0\.chip\.memoryEfficiency\.value: Too big/,
    ],
  ])('rejects %s, naming the field', (_label, change, message) => {
    expect(errorOf({ ...valid, ...change })).toMatch(message)
  })
})

describe('serving', () => {
  const serving = { experts: 4, traffic: { kind: 'poisson', rate: 2 } }

  it('fills the defaults of a CoE served under traffic', () => {
    const scenario = ScenarioSchema.parse({ ...valid, serving })
    expect(scenario.serving).toMatchObject({
      requests: 10000,
      cachePolicy: 'lru',
      maxBatch: 8,
      scheduling: 'fcfs',
      routing: { kind: 'uniform' },
    })
  })

  it.each([
    ['a negative rate', { traffic: { kind: 'poisson', rate: -1 } }, /^serving\.traffic\.rate: Too small/],
    ['an unknown cache policy', { cachePolicy: 'random' }, /^serving\.cachePolicy: Invalid option/],
    [
      'a popularity table of the wrong length',
      { routing: { kind: 'table', weights: [1, 2] } },
      /^serving\.routing\.weights: expected one weight per expert \(4\), got 2/,
    ],
    [
      'a trace naming an expert that does not exist',
      { traffic: { kind: 'trace', arrivals: [{ time: 0, promptTokens: 1, outputTokens: 1, expert: 9 }] } },
      /^serving\.traffic\.arrivals\.0\.expert: expert must be below 4/,
    ],
    [
      'a trace out of time order',
      {
        traffic: {
          kind: 'trace',
          arrivals: [
            { time: 1, promptTokens: 1, outputTokens: 1 },
            { time: 0, promptTokens: 1, outputTokens: 1 },
          ],
        },
      },
      /^serving\.traffic\.arrivals\.1\.time: arrivals must be in time order/,
    ],
  ])('names the field for %s', (_label, change, message) => {
    expect(errorOf({ ...valid, serving: { ...serving, ...change } })).toMatch(message)
  })
})
