import { describe, expect, it } from 'vitest'
import { findSystem, ScenarioSchema } from '../../../../../main/sim/scenario/schema'
import { describeIssues } from '../../../../../contract/validation'
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

describe('traffic rates', () => {
  const serving = { experts: 4 }

  it.each([
    // Accepted by .positive().finite() before: a clock at this rate drew infinite gaps for ever.
    [
      'a subnormal Poisson rate',
      { kind: 'poisson', rate: 5e-324 },
      /^serving\.traffic\.rate: Too small: .*>=0\.000001/,
    ],
    ['a Poisson rate above 1e7', { kind: 'poisson', rate: 2e7 }, /^serving\.traffic\.rate: Too big: .*<=10000000/],
    // Each state's rate + switch rate overflowed to ∞: gaps of 0 that never moved the clock.
    [
      'MMPP rates whose sums overflow',
      { kind: 'mmpp', rates: [1e308, 1e308], switchRates: [1e308, 1e308] },
      /^serving\.traffic\.rates\.0: Too big.*; serving\.traffic\.rates\.1: Too big.*; serving\.traffic\.switchRates\.0: Too big.*; serving\.traffic\.switchRates\.1: Too big/,
    ],
    [
      'a state left far faster than requests arrive',
      { kind: 'mmpp', rates: [1, 2], switchRates: [1, 201] },
      /^serving\.traffic\.switchRates\.1: must be at most 100 × the larger arrival rate \(200 per second\)/,
    ],
    [
      'switch rates more than 1e4 apart',
      { kind: 'mmpp', rates: [1, 2], switchRates: [1e-5, 0.2] },
      /^serving\.traffic\.switchRates\.1: must be within 10000 × the other switch rate/,
    ],
  ])('refuses %s, naming the field', (_label, traffic, message) => {
    expect(errorOf({ ...valid, serving: { ...serving, traffic } })).toMatch(message)
  })

  it.each([
    { kind: 'poisson', rate: 1e-6 },
    { kind: 'poisson', rate: 1e7 },
    { kind: 'mmpp', rates: [1e-6, 1e7], switchRates: [1e-6, 1e-2] },
  ])('accepts the bounds themselves: %j', (traffic) => {
    expect(ScenarioSchema.safeParse({ ...valid, serving: { ...serving, traffic } }).success).toBe(true)
  })
})

describe('system ids that every JavaScript object has', () => {
  /** safeParse must answer, never throw (a TypeError here was an HTTP 500 and a failed run). */
  const refusal = (input: unknown): string => {
    let parsed: ReturnType<typeof ScenarioSchema.safeParse> | undefined
    expect(() => (parsed = ScenarioSchema.safeParse(input))).not.toThrow()
    if (!parsed || parsed.success) throw new Error('expected the scenario to be refused')
    return describeIssues(parsed.error)
  }
  const custom = { ...SYSTEM_PRESETS['dgx-h100'], id: 'my-gpu-box', name: 'My GPU box' }

  it.each([
    ['constructor', /^systems\.0: "constructor" is reserved \(every JavaScript object has it\): not a system$/],
    ['toString', /^systems\.0: a system id: .*; systems\.0: "toString" is reserved/],
    ['__proto__', /^systems\.0: a system id: .*; systems\.0: "__proto__" is reserved/],
    ['hasOwnProperty', /^systems\.0: a system id: .*; systems\.0: "hasOwnProperty" is reserved/],
  ])('refuses systems ["%s"]', (id, message) => {
    expect(refusal({ ...valid, systems: [id] })).toMatch(message)
  })

  it('refuses an override keyed "constructor", naming it', () => {
    expect(refusal({ ...valid, systemOverrides: { constructor: { chips: 1 } } })).toBe(
      'systemOverrides.constructor: "constructor" is reserved (every JavaScript object has it): not a system',
    )
  })

  it('refuses an override keyed "__proto__" as JSON.parse makes it, instead of dropping it', () => {
    const overrides = JSON.parse('{"sn40l-node": {"chips": 8}, "__proto__": {"chips": 1}}') as object
    expect(Object.hasOwn(overrides, '__proto__')).toBe(true)
    expect(refusal({ ...valid, systemOverrides: overrides })).toBe('systemOverrides.__proto__: unknown system')
  })

  it('refuses a custom system called "constructor" cleanly, in customSystems and in systems', () => {
    const message = refusal({ ...valid, systems: ['constructor'], customSystems: [{ ...custom, id: 'constructor' }] })
    expect(message).toContain('systems.0: "constructor" is reserved')
    expect(message).toContain('customSystems.0.id: "constructor" is reserved (every JavaScript object has it)')
  })

  it('refuses a custom system defined twice', () => {
    expect(refusal({ ...valid, systems: ['my-gpu-box'], customSystems: [custom, custom] })).toBe(
      'customSystems.1.id: "my-gpu-box" is defined twice: pick another',
    )
  })

  it('finds only presets and custom systems, never what an object inherits', () => {
    const scenario = ScenarioSchema.parse(valid)
    expect(findSystem('constructor', scenario)).toBeUndefined()
    expect(findSystem('toString', scenario)).toBeUndefined()
    expect(findSystem('sn40l-node', scenario)).toBe(SYSTEM_PRESETS['sn40l-node'])
  })
})

describe('serving fields that failed only at run time', () => {
  const serving = { experts: 4, traffic: { kind: 'poisson', rate: 2 } }
  const arrival = (promptTokens: number, outputTokens: number, time = 0) => ({ time, promptTokens, outputTokens })

  it.each([
    [
      'a uniform length with min above max',
      { promptTokens: { kind: 'uniform', min: 50, max: 10 } },
      /^serving\.promptTokens\.max: must be at least min \(50\)$/,
    ],
    [
      'prompts and outputs longer than the expert’s context window',
      { outputTokens: { kind: 'uniform', min: 1, max: 4000 } },
      /^serving\.outputTokens: the longest prompt \(128\) \+ the longest output \(4000\) = 4128 exceeds llama2-7b's context window of 4096$/,
    ],
    [
      'lognormal outputs cut beyond the context window',
      { routerModel: null, outputTokens: { kind: 'lognormal', median: 100, sigma: 1, max: 100_000 } },
      /^serving\.outputTokens: .* = 100128 exceeds llama2-7b's context window of 4096$/,
    ],
    [
      'prompts longer than the router’s context window',
      { expertModel: 'llama3.1-8b', routerModel: 'llama2-7b', promptTokens: { kind: 'fixed', value: 5000 } },
      /^serving\.promptTokens: the longest prompt \(5000\) exceeds the router llama2-7b's context window of 4096$/,
    ],
    [
      'a trace request longer than the context window',
      { traffic: { kind: 'trace', arrivals: [arrival(10, 10), arrival(4000, 97, 1)] } },
      /^serving\.traffic\.arrivals\.1\.outputTokens: promptTokens \+ outputTokens = 4097 exceeds llama2-7b's context window of 4096$/,
    ],
    [
      'prefetch with Belady’s cache',
      { cachePolicy: 'belady', prefetch: true },
      /^serving\.prefetch: not with cachePolicy 'belady': Belady's cache evicts by the known order of every access/,
    ],
  ])('refuses %s, naming the field', (_label, change, message) => {
    expect(errorOf({ ...valid, serving: { ...serving, ...change } })).toMatch(message)
  })

  it('accepts lengths that just fit, and a trace whose lengths fit however the unused distributions are set', () => {
    const fits = { outputTokens: { kind: 'uniform', min: 1, max: 4096 - 128 } }
    expect(ScenarioSchema.safeParse({ ...valid, serving: { ...serving, ...fits } }).success).toBe(true)
    const trace = { traffic: { kind: 'trace', arrivals: [arrival(4000, 96)] } }
    expect(ScenarioSchema.safeParse({ ...valid, serving: { ...serving, ...trace } }).success).toBe(true)
  })
})
