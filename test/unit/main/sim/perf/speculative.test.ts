import { describe, expect, it } from 'vitest'
import { resolveSystem } from '../../../../../main/sim/assumptions'
import { generate, simulateInference } from '../../../../../main/sim/perf/inference'
import {
  DRAFT_OPERATOR_PREFIX,
  combinePhases,
  expectedTokensPerStep,
  speculativePasses,
  speculativeSteps,
  withDraft,
} from '../../../../../main/sim/perf/speculative'
import { MODEL_PRESETS } from '../../../../../main/sim/models/presets'
import type { KvCapacity, PhaseTiming } from '../../../../../main/sim/result'
import { ScenarioSchema, type ScenarioInput } from '../../../../../main/sim/scenario/schema'
import { simulate } from '../../../../../main/sim/simulate'

describe('expectedTokensPerStep', () => {
  it('is (1 − α^(k+1)) / (1 − α) [Leviathan et al. 2023, Eq. 1], checked by hand', () => {
    // α = 0.8, k = 4: 1 + 0.8 + 0.64 + 0.512 + 0.4096 = 3.3616 = (1 − 0.8^5) / 0.2 = (1 − 0.32768) / 0.2
    expect(expectedTokensPerStep(4, 0.8)).toBeCloseTo(3.3616, 12)
    // α = 0.5, k = 1: 1 + 0.5
    expect(expectedTokensPerStep(1, 0.5)).toBe(1.5)
  })

  it('gives the target’s own token alone at α = 0, and every proposal plus one at α = 1', () => {
    for (const k of [1, 4, 16]) {
      expect(expectedTokensPerStep(k, 0)).toBe(1)
      expect(expectedTokensPerStep(k, 1)).toBe(k + 1)
    }
  })

  it('rises with α and with k, and never exceeds k + 1', () => {
    for (const k of [1, 2, 4, 8]) {
      let previous = 0
      for (let alpha = 0; alpha <= 1.0001; alpha += 0.05) {
        const e = expectedTokensPerStep(k, Math.min(alpha, 1))
        expect(e).toBeGreaterThanOrEqual(previous)
        expect(e).toBeLessThanOrEqual(k + 1 + 1e-12)
        expect(e).toBeGreaterThanOrEqual(expectedTokensPerStep(Math.max(1, k - 1), Math.min(alpha, 1)) - 1e-12)
        previous = e
      }
    }
  })
})

describe('speculativeSteps', () => {
  it('is ⌈tokens / E⌉, a whole quotient not rounded up', () => {
    // 499 / 3.3616 = 148.44
    expect(speculativeSteps(499, expectedTokensPerStep(4, 0.8))).toBe(149)
    // 9 / 1.5 = 6 exactly
    expect(speculativeSteps(9, 1.5)).toBe(6)
    expect(speculativeSteps(0, 3)).toBe(0)
    // α = 0: one token per step, as plain decoding
    expect(speculativeSteps(127, 1)).toBe(127)
  })
})

describe('speculativePasses', () => {
  it('plans both prefills, then k draft passes and one k + 1 token target pass per step, checked by hand', () => {
    // batch 2, prompt 10, 5 output tokens (4 after the prefill's), k = 2, α = 0.5:
    // E = 1 + 0.5 + 0.25 = 1.75; steps = ⌈4 / 1.75⌉ = ⌈2.29⌉ = 3; tokens before step j = ⌊1.75 j⌋ = 0, 1, 3.
    const passes = [
      ...speculativePasses(
        { batch: 2, promptTokens: 10, outputTokens: 5 },
        { draftModel: 'llama3.1-8b', proposedTokens: 2, acceptanceRate: 0.5 },
        true,
      ),
    ]
    const prefill = { batch: 2, newTokens: 10, pastTokens: 0, logitTokens: 1 }
    const draft = (pastTokens: number) => ({
      model: 'draft',
      phase: 'decode',
      shape: { batch: 2, newTokens: 1, pastTokens, logitTokens: 1 },
    })
    const verify = (pastTokens: number, tokensDone: number) => ({
      model: 'target',
      phase: 'decode',
      shape: { batch: 2, newTokens: 3, pastTokens, logitTokens: 3 },
      tokensDone,
    })
    expect(passes).toEqual([
      { model: 'target', phase: 'prefill', shape: prefill },
      { model: 'draft', phase: 'prefill', shape: prefill },
      draft(10),
      draft(11),
      verify(10, 1),
      draft(11),
      draft(12),
      verify(11, 3),
      draft(13),
      draft(14),
      verify(13, 4),
    ])
  })

  it('charges the LM head for every prompt token when the assumption says so', () => {
    const [first] = speculativePasses(
      { batch: 1, promptTokens: 64, outputTokens: 1 },
      { draftModel: 'llama3.1-8b', proposedTokens: 4, acceptanceRate: 0.75 },
      false,
    )
    expect(first!.shape.logitTokens).toBe(64)
  })
})

describe('combinePhases and withDraft', () => {
  const phase = (seconds: number, name: string): PhaseTiming => ({
    seconds,
    breakdown: { compute: 0, memory: seconds, launch: 0, collectives: 0, software: 0, switching: 0 },
    kernelCalls: 10,
    flops: 100,
    bytes: 1000,
    operators: [
      {
        name,
        kind: 'matmul',
        seconds,
        computeSeconds: 0,
        memorySeconds: seconds,
        flops: 100,
        bytes: 1000,
        boundBy: 'memory',
      },
    ],
  })

  it('adds the two models’ phases and names the draft’s operators apart', () => {
    const both = combinePhases(phase(3, 'qkv_proj'), phase(1, 'qkv_proj'))
    expect(both).toMatchObject({ seconds: 4, kernelCalls: 20, flops: 200, bytes: 2000 })
    expect(both.breakdown.memory).toBe(4)
    expect(both.operators.map((op) => op.name)).toEqual(['qkv_proj', `${DRAFT_OPERATOR_PREFIX}qkv_proj`])
  })

  it('takes the draft’s weights out of the room for KV and its KV into every token, by hand', () => {
    const capacity: KvCapacity = {
      usableBytes: 1000,
      kvBytes: 600,
      bytesPerToken: 10,
      tokens: 60,
      contextTokens: 20,
      batch: 2,
      batchAtContext: 3,
      contextAtBatch: 30,
    }
    expect(withDraft(capacity, null)).toBe(capacity)
    // (600 − 100) / (10 + 2.5) = 40 tokens: 2 sequences of 20, 20 tokens each for 2
    expect(withDraft(capacity, { weightBytes: 100, kvCacheBytes: 0, bytesPerToken: 2.5 })).toEqual({
      ...capacity,
      kvBytes: 500,
      bytesPerToken: 12.5,
      tokens: 40,
      batchAtContext: 2,
      contextAtBatch: 20,
    })
    // weights that leave no room: nothing fits
    expect(withDraft(capacity, { weightBytes: 700, kvCacheBytes: 0, bytesPerToken: 1 }).tokens).toBe(0)
  })
})

/** Llama 3.1 70B on a DGX H100 (TP8, its default stack), one user, ~1k-token prompts. */
const base = {
  name: 'speculative',
  systems: ['dgx-h100'],
  workload: { model: 'llama3.1-70b', batch: 1, promptTokens: 1000, outputTokens: 200 },
} satisfies ScenarioInput

function run(speculative?: { proposedTokens?: number; acceptanceRate?: number; draftModel?: string }) {
  const input = speculative
    ? { ...base, workload: { ...base.workload, speculative: { draftModel: 'llama3.1-8b', ...speculative } } }
    : base
  const scenario = ScenarioSchema.parse(input)
  return simulateInference(resolveSystem('dgx-h100', scenario), scenario)
}

/** Per-user decode speed: one sequence's output tokens per second of decode. */
const perUser = (result: ReturnType<typeof run>): number => 1 / result.metrics!.timePerOutputTokenSeconds

describe('speculative decoding of Llama 3.1 70B with a Llama 3.1 8B draft on a DGX H100 (TP8)', () => {
  const plain = run()

  it('is faster per user than the target alone when α is high, for every k', () => {
    for (const proposedTokens of [1, 2, 4, 8]) {
      for (const acceptanceRate of [0.8, 0.9, 0.95]) {
        expect(perUser(run({ proposedTokens, acceptanceRate }))).toBeGreaterThan(perUser(plain))
      }
    }
  })

  it('is slower per user than the target alone as α → 0: the draft’s passes buy nothing', () => {
    for (const proposedTokens of [1, 2, 4, 8]) {
      for (const acceptanceRate of [0, 0.01, 0.05]) {
        expect(perUser(run({ proposedTokens, acceptanceRate }))).toBeLessThan(perUser(plain))
      }
    }
  })

  it('gets faster per user as α rises, at a fixed k', () => {
    const speeds = [0, 0.2, 0.4, 0.6, 0.8, 1].map((acceptanceRate) => perUser(run({ acceptanceRate })))
    for (let i = 1; i < speeds.length; i++) expect(speeds[i]).toBeGreaterThan(speeds[i - 1]!)
  })

  it('splits the time between the two models, prefill included, and reports the steps', () => {
    const result = run({ proposedTokens: 4, acceptanceRate: 0.8 })
    const speculative = result.speculative!
    expect(speculative).toMatchObject({ draftModel: 'llama3.1-8b', proposedTokens: 4, acceptanceRate: 0.8 })
    expect(speculative.expectedTokensPerStep).toBeCloseTo(3.3616, 12)
    // 199 tokens after the prefill's / 3.3616 = 59.2 → 60 steps
    expect(speculative.steps).toBe(60)
    expect(speculative.draftSeconds + speculative.targetSeconds).toBeCloseTo(result.metrics!.totalSeconds, 12)
    expect(speculative.draftSeconds).toBeGreaterThan(0)
    // The draft's prefill makes the first token later.
    expect(result.metrics!.timeToFirstTokenSeconds).toBeGreaterThan(plain.metrics!.timeToFirstTokenSeconds)
    // TPOT stays per output token: decode over the N − 1 tokens after the prefill's.
    expect(result.metrics!.timePerOutputTokenSeconds).toBeCloseTo(result.decode!.seconds / 199, 15)
    expect(result.decode!.operators.some((op) => op.name.startsWith(DRAFT_OPERATOR_PREFIX))).toBe(true)
  })

  it('counts the draft’s weights and KV cache in memory beside the target’s', () => {
    const result = run({})
    const speculative = result.speculative!
    // Llama 3.1 8B: 8,030,261,248 parameters × 2 bytes
    expect(speculative.draftWeightBytes).toBe(16_060_522_496)
    // 2 (K, V) × 32 layers × 8 KV heads × 128 × 2 bytes = 131,072 B per token × 1200 tokens
    expect(speculative.draftKvCacheBytes).toBe(157_286_400)
    expect(result.memory.weightBytes).toBe(plain.memory.weightBytes + speculative.draftWeightBytes)
    expect(result.memory.kvCacheBytes).toBeCloseTo(plain.memory.kvCacheBytes + speculative.draftKvCacheBytes, 0)
    expect(result.memory.requiredBytes).toBeCloseTo(plain.memory.requiredBytes + 16_060_522_496 + 157_286_400, 0)
  })

  it('refuses a system that holds the target but not the draft beside it, naming the draft', () => {
    // Two H100s: 0.9 × 160 GB = 144 GB usable; 70B weights 141.1 GB leave room for its KV, not for 16 GB more.
    const overrides = { systemOverrides: { 'dgx-h100': { chips: 2 } } }
    const alone = ScenarioSchema.parse({ ...base, ...overrides })
    expect(simulateInference(resolveSystem('dgx-h100', alone), alone).status).toBe('ok')
    const both = ScenarioSchema.parse({
      ...base,
      ...overrides,
      workload: { ...base.workload, speculative: { draftModel: 'llama3.1-8b' } },
    })
    const result = simulateInference(resolveSystem('dgx-h100', both), both)
    expect(result.status).toBe('outOfMemory')
    expect(result.speculative).toBeUndefined()
    expect(result.message).toMatch(/the draft llama3\.1-8b's included\)$/)
  })
})

describe('a workload without speculative decoding', () => {
  const scenario = {
    name: 'no draft',
    systems: ['sn40l-node', 'dgx-h100', 'dgx-a100'],
    workload: { model: 'llama2-7b', batch: 4, promptTokens: 128, outputTokens: 64 },
  } satisfies ScenarioInput

  it('parses as before: no speculative key, whether left out or undefined', () => {
    const parsed = ScenarioSchema.parse(scenario)
    expect(Object.hasOwn(parsed.workload, 'speculative')).toBe(false)
    const explicit = ScenarioSchema.parse({ ...scenario, workload: { ...scenario.workload, speculative: undefined } })
    expect(JSON.stringify(explicit)).toBe(JSON.stringify(parsed))
  })

  it('gives a bit-for-bit identical result, with no speculative field on any system', () => {
    const left = simulate(ScenarioSchema.parse(scenario))
    const explicit = simulate(
      ScenarioSchema.parse({ ...scenario, workload: { ...scenario.workload, speculative: undefined } }),
    )
    expect(JSON.stringify(explicit)).toBe(JSON.stringify(left))
    for (const system of left.systems) expect(Object.hasOwn(system, 'speculative')).toBe(false)
    expect(left.assumptions.some((a) => a.name.startsWith('speculative.'))).toBe(false)
  })

  it('runs the plain decode loop: the same phases as generate() alone', () => {
    const parsed = ScenarioSchema.parse(scenario)
    const system = resolveSystem('dgx-h100', parsed)
    const result = simulateInference(system, parsed)
    const plain = generate(system, MODEL_PRESETS['llama2-7b'], parsed.workload, {
      bytesPerElement: 2,
      logitsForLastTokenOnly: true,
    })
    expect(result.prefill).toEqual(plain.prefill)
    expect(result.decode).toEqual(plain.decode)
  })
})

describe('the assumptions ledger of a speculative run', () => {
  it('lists k and α with their defaults and sources', () => {
    const result = simulate(
      ScenarioSchema.parse({
        ...base,
        workload: { ...base.workload, speculative: { draftModel: 'llama3.1-8b', acceptanceRate: 0.6 } },
      }),
    )
    const entry = (name: string) => result.assumptions.find((a) => a.name === name)
    expect(entry('speculative.proposedTokens')).toMatchObject({ value: 4, defaultValue: 4, overridden: false })
    expect(entry('speculative.proposedTokens')!.source).toMatch(/Chen et al\. 2023/)
    expect(entry('speculative.acceptanceRate')).toMatchObject({ value: 0.6, defaultValue: 0.75, overridden: true })
    expect(entry('speculative.acceptanceRate')!.source).toMatch(/Leviathan/)
  })
})
