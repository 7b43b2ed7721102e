import { z } from 'zod'
import { MODEL_PRESETS, MODEL_PRESET_IDS } from '../models/presets'
import { SYSTEM_PRESETS } from '../hardware/presets'
import { retiredFigureError, SystemSpecSchema, type SystemSpec } from '../hardware/schema'
import { EXECUTION_MODE, EXECUTION_MODES, modesFor } from '../perf/modes'
import { HOST_LINK_MODEL, HOST_LINK_MODELS } from '../hardware/hostLinks'
import {
  OVERRIDABLE_FIGURE,
  OVERRIDABLE_FIGURES,
  type OverridableFigure,
  type OverridableFigureKey,
} from '../hardware/overridableFigures'
import { CACHE_POLICY } from '../coe/policies/cache/registry'
import { isReservedKey, ownEntry } from '../own'
import { ServingSchema, type Serving } from './servingSchema'
import { STACK_IDS, STACK_PROFILE } from '../stacks/registry'
import { stackRefusal } from '../stacks/apply'
import { PRECISION, PRECISIONS, precisionRefusal } from '../precision'
import { parameterCount, type ModelSpec } from '../models/schema'
import { SPECULATIVE_ASSUMPTIONS, SPECULATIVE_DEFAULT } from '../perf/speculativeDefaults'

export const SystemIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a system id: lower-case letters, digits and dashes')
  // Aborts: the cross-field checks below look ids up, and this one is no system.
  .refine((id) => !isReservedKey(id), {
    error: (issue) => `"${String(issue.input)}" is reserved (every JavaScript object has it): not a system`,
    abort: true,
  })
  .describe('A hardware preset id (see `memwall presets`) or the id of one of customSystems')
export const ModelIdSchema = z.enum(MODEL_PRESET_IDS).describe('A model preset id (see `memwall presets`)')

/** One overridable figure's field: its bounds and help from the table. */
function figureField(figure: OverridableFigure) {
  const number = figure.integer ? z.int() : z.number()
  const bounded = figure.min.exclusive ? number.gt(figure.min.value) : number.min(figure.min.value)
  const ruled = figure.rule
    ? bounded.max(figure.max).refine(figure.rule.test, figure.rule.message)
    : bounded.max(figure.max)
  return ruled.optional().describe(figure.description)
}

const FIGURE_FIELDS = Object.fromEntries(
  OVERRIDABLE_FIGURES.map((key) => [key, figureField(OVERRIDABLE_FIGURE[key])]),
) as Record<OverridableFigureKey, ReturnType<typeof figureField>>

/** The modes that need dataflow fusion, named in the mode's help and in the refusal below. */
const FUSION_MODES = EXECUTION_MODES.filter((mode) => EXECUTION_MODE[mode].needsDataflowFusion)

/** Per-system overrides of a preset's figures (hardware/overridableFigures.ts); anything left out keeps the preset's value. */
export const SystemOverrideSchema = z.strictObject(
  {
    mode: z
      .enum(EXECUTION_MODES)
      .optional()
      .describe(`Execution mode; ${FUSION_MODES.join(' and ')} need dataflow fusion`),
    stack: z
      .enum(STACK_IDS)
      .optional()
      .describe(
        `Software stack, whose figures replace the preset's: ${STACK_IDS.map((id) => `${id} (${STACK_PROFILE[id].label})`).join(', ')}; default: the paper's pairing`,
      ),
    ...FIGURE_FIELDS,
  },
  // A figure a stored 0.4.0 scenario may still name is refused with what replaced it.
  { error: retiredFigureError },
)

/** Named modelling choices that apply to every system; each has a default and a reason in docs/MODEL.md. */
export const AssumptionsSchema = z
  .object({
    logitsForLastTokenOnly: z
      .boolean()
      .default(true)
      .describe('Prefill computes the LM head for the last prompt token only, as serving stacks do'),
    hostLinkModel: z
      .enum(HOST_LINK_MODELS)
      .default('paper')
      .describe(HOST_LINK_MODELS.map((id) => `${id}: ${HOST_LINK_MODEL[id].description}`).join('; ')),
  })
  .strict()

/** The most draft tokens one speculative step may propose: past it acceptance all but stops paying. */
export const MAX_PROPOSED_TOKENS = 16

/** Speculative decoding of the workload's call (docs/MODEL.md §4.1); absent: off. */
export const SpeculativeSchema = z
  .object({
    draftModel: ModelIdSchema.describe(
      'The draft model (a model preset id): smaller than the target, with the same vocabulary; it proposes tokens that the target verifies',
    ),
    proposedTokens: z
      .int()
      .min(1)
      .max(MAX_PROPOSED_TOKENS)
      .default(SPECULATIVE_DEFAULT.proposedTokens.value)
      .describe(
        `Tokens k the draft proposes per step, one draft pass each, verified by one target pass over k + 1 tokens; default ${SPECULATIVE_DEFAULT.proposedTokens.value} after ${SPECULATIVE_DEFAULT.proposedTokens.source}`,
      ),
    acceptanceRate: z
      .number()
      .min(0)
      .max(1)
      .default(SPECULATIVE_DEFAULT.acceptanceRate.value)
      .describe(
        `Probability α that the target accepts each proposed token (independently); a step then yields (1 − α^(k+1)) / (1 − α) tokens on average; default ${SPECULATIVE_DEFAULT.acceptanceRate.value} after ${SPECULATIVE_DEFAULT.acceptanceRate.source}`,
      ),
  })
  .strict()

export const WorkloadSchema = z
  .object({
    model: ModelIdSchema,
    batch: z.int().min(1).max(1024).describe('Sequences processed together'),
    promptTokens: z.int().min(1).max(131072).describe('Tokens in each prompt'),
    outputTokens: z.int().min(1).max(32768).describe('Tokens generated for each prompt, the first by prefill'),
    precision: z
      .enum(PRECISIONS)
      .default('bf16')
      .describe(
        `Precision of weights, activations and KV cache; compute runs at the chip's peak for it: ${PRECISIONS.map((id) => `${id} (${PRECISION[id].description})`).join('; ')}`,
      ),
    speculative: SpeculativeSchema.optional().describe(
      `Speculative decoding: a draft model proposes tokens and the target verifies several per pass, so per-user speed can exceed the target's own roofline; absent: off. Applies to this call, not to a served CoE. ${SPECULATIVE_ASSUMPTIONS}`,
    ),
  })
  .strict()

/**
 * `schema` (a record) refusing an own `__proto__` key, which JSON.parse creates and z.record skips
 * (writing it to an object would set its prototype): the entry would vanish without a word. The
 * record stays a record, so tools that walk the schema (the form's help texts) still find it.
 * It wraps zod's internal `_zod.run`: schema.test.ts fails if a zod upgrade bypasses it.
 */
function refuseProtoKey<T extends z.ZodType>(schema: T, message: string): T {
  const run = schema._zod.run
  schema._zod.run = (payload, ctx) => {
    const input: unknown = payload.value
    const result = run(payload, ctx)
    if (typeof input !== 'object' || input === null || !Object.hasOwn(input, '__proto__')) return result
    const refuse = (done: z.core.ParsePayload): z.core.ParsePayload => {
      done.issues.push({ code: 'custom', path: ['__proto__'], message, input })
      return done
    }
    return result instanceof Promise ? result.then(refuse) : refuse(result)
  }
  return schema
}

const ScenarioObjectSchema = z
  .object({
    schemaVersion: z.literal(1).default(1).describe('Version of this scenario format'),
    name: z.string().trim().min(1).max(200).describe('A short name shown in lists'),
    description: z.string().max(4000).default('').describe('Free text'),
    systems: z.array(SystemIdSchema).min(1).max(16).describe('The systems to compare'),
    customSystems: z
      .array(SystemSpecSchema)
      .max(16)
      .default([])
      .describe('Systems defined in the scenario, with the preset schema; `systems` names them by id'),
    workload: WorkloadSchema,
    assumptions: AssumptionsSchema.default({ logitsForLastTokenOnly: true, hostLinkModel: 'paper' }),
    systemOverrides: refuseProtoKey(
      z.record(SystemIdSchema, SystemOverrideSchema, {
        // zod's own words are "Invalid key in record": say what is wrong with the key.
        error: (issue) => (issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined),
      }),
      'unknown system',
    )
      .default({})
      .describe('Per-system overrides, keyed by an id listed in systems'),
    serving: ServingSchema.optional().describe(
      'A Composition of Experts served under traffic, simulated event by event',
    ),
    seed: z.int().min(0).max(4294967295).default(1).describe('Seed of every random stream of the run'),
  })
  .strict()

/** A preset, or a system the scenario defines itself. */
export function findSystem(id: string, scenario: { customSystems: readonly SystemSpec[] }): SystemSpec | undefined {
  return scenario.customSystems.find((system) => system.id === id) ?? ownEntry<SystemSpec>(SYSTEM_PRESETS, id)
}

/** The most tokens a length distribution gives. */
function longest(length: Serving['promptTokens']): number {
  return length.kind === 'fixed' ? length.value : length.max
}

/**
 * Every request must fit the expert's context window (prompt and answer) and the router's (the
 * prompt): past it the model has no positions to attend with, and the timings would be fiction.
 * A trace carries its own lengths; otherwise the distributions' maxima are checked.
 */
function checkServingContext(serving: Serving, ctx: z.RefinementCtx): void {
  const expert = MODEL_PRESETS[serving.expertModel]
  const window = expert.contextWindow.value
  const router = serving.routerModel === null ? null : MODEL_PRESETS[serving.routerModel]
  const issue = (path: (string | number)[], message: string): void =>
    ctx.addIssue({ code: 'custom', path: ['serving', ...path], message })
  if (serving.traffic.kind === 'trace') {
    const arrivals = serving.traffic.arrivals
    const long = arrivals.findIndex((a) => a.promptTokens + a.outputTokens > window)
    if (long >= 0) {
      const { promptTokens, outputTokens } = arrivals[long]!
      issue(
        ['traffic', 'arrivals', long, 'outputTokens'],
        `promptTokens + outputTokens = ${promptTokens + outputTokens} exceeds ${expert.id}'s context window of ${window}`,
      )
    }
    const longPrompt = router ? arrivals.findIndex((a) => a.promptTokens > router.contextWindow.value) : -1
    if (router && longPrompt >= 0) {
      issue(
        ['traffic', 'arrivals', longPrompt, 'promptTokens'],
        `${arrivals[longPrompt]!.promptTokens} exceeds the router ${router.id}'s context window of ${router.contextWindow.value}`,
      )
    }
    return
  }
  const prompt = longest(serving.promptTokens)
  const tokens = prompt + longest(serving.outputTokens)
  if (tokens > window) {
    issue(
      ['outputTokens'],
      `the longest prompt (${prompt}) + the longest output (${tokens - prompt}) = ${tokens} exceeds ${expert.id}'s context window of ${window}`,
    )
  }
  if (router && prompt > router.contextWindow.value) {
    issue(
      ['promptTokens'],
      `the longest prompt (${prompt}) exceeds the router ${router.id}'s context window of ${router.contextWindow.value}`,
    )
  }
}

/** The serving section's cross-field rules: a popularity table per expert, trace experts in range. */
function checkServing(scenario: { serving?: Serving | undefined }, ctx: z.RefinementCtx): void {
  const serving = scenario.serving
  if (!serving) return
  if (serving.routing.kind === 'table' && serving.routing.weights.length !== serving.experts) {
    ctx.addIssue({
      code: 'custom',
      path: ['serving', 'routing', 'weights'],
      message: `expected one weight per expert (${serving.experts}), got ${serving.routing.weights.length}`,
    })
  }
  if (serving.routing.kind === 'table' && !serving.routing.weights.some((w) => w > 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['serving', 'routing', 'weights'],
      message: 'at least one weight must be positive',
    })
  }
  const refusesPrefetch = CACHE_POLICY[serving.cachePolicy].refusesPrefetch
  if (serving.prefetch && refusesPrefetch !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['serving', 'prefetch'],
      message: `not with cachePolicy '${serving.cachePolicy}': ${refusesPrefetch}`,
    })
  }
  checkServingContext(serving, ctx)
  if (serving.traffic.kind === 'trace') {
    const arrivals = serving.traffic.arrivals
    const bad = arrivals.findIndex(
      (a, i) => (a.expert ?? 0) >= serving.experts || (i > 0 && a.time < arrivals[i - 1]!.time),
    )
    if (bad >= 0) {
      const late = bad > 0 && arrivals[bad]!.time < arrivals[bad - 1]!.time
      ctx.addIssue({
        code: 'custom',
        path: ['serving', 'traffic', 'arrivals', bad, late ? 'time' : 'expert'],
        message: late ? 'arrivals must be in time order' : `expert must be below ${serving.experts}`,
      })
    }
  }
}

/** Every listed system's chip must have a peak at the workload's precision: never run it in BF16 instead. */
function checkPrecision(scenario: z.output<typeof ScenarioObjectSchema>, ctx: z.RefinementCtx): void {
  const precision = scenario.workload.precision
  for (const id of new Set(scenario.systems)) {
    const system = findSystem(id, scenario)
    if (!system) continue
    const custom = scenario.customSystems.some((candidate) => candidate.id === id)
    const refusal = precisionRefusal(id, system.chip, precision, custom)
    if (refusal !== null) ctx.addIssue({ code: 'custom', path: ['workload', 'precision'], message: refusal })
  }
}

/**
 * A draft must be smaller than the target, so that proposing costs less than the target's own
 * passes, and must share its vocabulary, so that the target can verify its tokens. The presets
 * name no tokenizer: ASSUMPTION, an equal vocabulary size stands for the same tokenizer (necessary,
 * not sufficient: llama2-7b and mistral-7b both have 32,000 tokens, from different tokenizers).
 * The draft must also hold the whole context.
 */
function checkSpeculative(scenario: z.output<typeof ScenarioObjectSchema>, ctx: z.RefinementCtx): void {
  const speculative = scenario.workload.speculative
  if (speculative === undefined) return
  const target = MODEL_PRESETS[scenario.workload.model]
  const draft = MODEL_PRESETS[speculative.draftModel]
  const path = ['workload', 'speculative', 'draftModel']
  const billions = (parameters: number): string => `${(parameters / 1e9).toFixed(2)} B parameters`
  const tokens = scenario.workload.promptTokens + scenario.workload.outputTokens
  if (parameterCount(draft) >= parameterCount(target)) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `the draft ${draft.id} (${billions(parameterCount(draft))}) must be smaller than the target ${target.id} (${billions(parameterCount(target))})`,
    })
  } else if (draft.vocab.value !== target.vocab.value) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `the draft ${draft.id} has a vocabulary of ${draft.vocab.value} tokens, the target ${target.id} ${target.vocab.value}: the target can only verify tokens of its own vocabulary`,
    })
  } else if (tokens > draft.contextWindow.value) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `promptTokens + outputTokens = ${tokens} exceeds the draft ${draft.id}'s context window of ${draft.contextWindow.value}`,
    })
  }
}

/** Checks that need more than one field, each reported at the path of the field to change. */
function checkConsistency(scenario: z.output<typeof ScenarioObjectSchema>, ctx: z.RefinementCtx): void {
  const customIds = new Set<string>()
  scenario.customSystems.forEach((system, index) => {
    const path = ['customSystems', index, 'id']
    if (ownEntry<SystemSpec>(SYSTEM_PRESETS, system.id)) {
      ctx.addIssue({ code: 'custom', path, message: `"${system.id}" is a preset id: pick another` })
    } else if (customIds.has(system.id)) {
      // `systems` could only ever name the first of the two.
      ctx.addIssue({ code: 'custom', path, message: `"${system.id}" is defined twice: pick another` })
    }
    customIds.add(system.id)
    const refusal = system.defaultStack === undefined ? null : stackRefusal(system, system.defaultStack)
    if (refusal !== null)
      ctx.addIssue({ code: 'custom', path: ['customSystems', index, 'defaultStack'], message: refusal })
  })
  const seen = new Set<string>()
  scenario.systems.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['systems', index], message: `"${id}" is listed twice` })
    else if (!findSystem(id, scenario)) {
      ctx.addIssue({
        code: 'custom',
        path: ['systems', index],
        message: `"${id}" is neither a preset nor in customSystems`,
      })
    }
    seen.add(id)
  })
  checkPrecision(scenario, ctx)
  const model = MODEL_PRESETS[scenario.workload.model]
  const tokens = scenario.workload.promptTokens + scenario.workload.outputTokens
  if (tokens > model.contextWindow.value) {
    ctx.addIssue({
      code: 'custom',
      path: ['workload', 'outputTokens'],
      message: `promptTokens + outputTokens = ${tokens} exceeds ${model.id}'s context window of ${model.contextWindow.value}`,
    })
  }
  checkSpeculative(scenario, ctx)
  checkServing(scenario, ctx)
  const draft = scenario.workload.speculative && MODEL_PRESETS[scenario.workload.speculative.draftModel]
  for (const [id, override] of Object.entries(scenario.systemOverrides)) {
    const system = findSystem(id, scenario)
    if (!seen.has(id) || !system) {
      ctx.addIssue({ code: 'custom', path: ['systemOverrides', id], message: `"${id}" is not in systems` })
      continue
    }
    if (override?.mode && !modesFor(system.execution.dataflowFusion).includes(override.mode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['systemOverrides', id, 'mode'],
        message: `${id} has no dataflow fusion: use ${modesFor(false).join(' or ')}`,
      })
    }
    const refusal = override?.stack === undefined ? null : stackRefusal(system, override.stack)
    if (refusal !== null) ctx.addIssue({ code: 'custom', path: ['systemOverrides', id, 'stack'], message: refusal })
    const chips = override?.chips
    if (chips !== undefined && chips > system.chipCount.value) {
      const path = ['systemOverrides', id, 'chips']
      ctx.addIssue({ code: 'custom', path, message: `${id} has ${system.chipCount.value} chips, not ${chips}` })
    }
  }
  // Every system splits the model (and a draft) over its chips: the override's, else all of them.
  scenario.systems.forEach((id, index) => {
    const system = findSystem(id, scenario)
    const override = ownEntry<SystemOverride>(scenario.systemOverrides, id)
    if (!system || (override?.chips ?? 0) > system.chipCount.value) return
    const chips = override?.chips ?? system.chipCount.value
    const heads = (m: ModelSpec, name: string) =>
      m.heads.value % chips === 0 ? null : `${name}'s ${m.heads.value} attention heads`
    const undivided = heads(model, model.id) ?? (draft ? heads(draft, `the draft ${draft.id}`) : null)
    if (undivided === null) return
    const [path, message] =
      override?.chips === undefined
        ? [['systems', index], `${id}'s ${chips} chips do not divide ${undivided}: set systemOverrides.${id}.chips`]
        : [['systemOverrides', id, 'chips'], `must divide ${undivided}`]
    ctx.addIssue({ code: 'custom', path, message })
  })
}

export const ScenarioSchema = ScenarioObjectSchema.superRefine(checkConsistency)

/** A scenario as a user writes it (defaults may be left out). */
export type ScenarioInput = z.input<typeof ScenarioSchema>
/** A validated scenario with every default filled in: what runs, is hashed and is stored. */
export type Scenario = z.output<typeof ScenarioSchema>
export type SystemOverride = z.output<typeof SystemOverrideSchema>
