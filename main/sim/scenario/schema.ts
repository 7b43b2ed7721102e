import { z } from 'zod'
import { MODEL_PRESETS, MODEL_PRESET_IDS } from '../models/presets'
import { SYSTEM_PRESETS, SYSTEM_PRESET_IDS } from '../hardware/presets'

export const SystemIdSchema = z.enum(SYSTEM_PRESET_IDS).describe('A hardware preset id (see `memwall presets`)')
export const ModelIdSchema = z.enum(MODEL_PRESET_IDS).describe('A model preset id (see `memwall presets`)')

const efficiency = z.number().gt(0).lte(1)

/** Per-system overrides of a preset's assumed figures; anything left out keeps the preset's value. */
export const SystemOverrideSchema = z
  .object({
    computeEfficiency: efficiency.optional().describe('Achievable fraction of peak FLOP/s, in (0, 1]'),
    memoryEfficiency: efficiency.optional().describe('Achievable fraction of peak HBM bandwidth, in (0, 1]'),
    chips: z
      .int()
      .min(1)
      .max(1024)
      .optional()
      .describe('Chips the model is split over by tensor parallelism; default: all'),
  })
  .strict()

/** Named modelling choices that apply to every system; each has a default and a reason in docs/MODEL.md. */
export const AssumptionsSchema = z
  .object({
    logitsForLastTokenOnly: z
      .boolean()
      .default(true)
      .describe('Prefill computes the LM head for the last prompt token only, as serving stacks do'),
  })
  .strict()

export const WorkloadSchema = z
  .object({
    model: ModelIdSchema,
    batch: z.int().min(1).max(1024).describe('Sequences processed together'),
    promptTokens: z.int().min(1).max(131072).describe('Tokens in each prompt'),
    outputTokens: z.int().min(1).max(32768).describe('Tokens generated for each prompt, the first by prefill'),
    precision: z.enum(['bf16']).default('bf16').describe('Precision of weights, activations and KV cache'),
  })
  .strict()

const ScenarioObjectSchema = z
  .object({
    schemaVersion: z.literal(1).default(1).describe('Version of this scenario format'),
    name: z.string().trim().min(1).max(200).describe('A short name shown in lists'),
    description: z.string().max(4000).default('').describe('Free text'),
    systems: z.array(SystemIdSchema).min(1).max(16).describe('The systems to compare'),
    workload: WorkloadSchema,
    assumptions: AssumptionsSchema.default({ logitsForLastTokenOnly: true }),
    systemOverrides: z.partialRecord(SystemIdSchema, SystemOverrideSchema).default({}).describe('Per-system overrides'),
    seed: z.int().min(0).max(4294967295).default(1).describe('Seed of every random stream of the run'),
  })
  .strict()

/** Checks that need more than one field, each reported at the path of the field to change. */
function checkConsistency(scenario: z.output<typeof ScenarioObjectSchema>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  scenario.systems.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['systems', index], message: `"${id}" is listed twice` })
    seen.add(id)
  })
  const model = MODEL_PRESETS[scenario.workload.model]
  const tokens = scenario.workload.promptTokens + scenario.workload.outputTokens
  if (tokens > model.contextWindow.value) {
    ctx.addIssue({
      code: 'custom',
      path: ['workload', 'outputTokens'],
      message: `promptTokens + outputTokens = ${tokens} exceeds ${model.id}'s context window of ${model.contextWindow.value}`,
    })
  }
  for (const [id, override] of Object.entries(scenario.systemOverrides)) {
    const system = SYSTEM_PRESETS[id as keyof typeof SYSTEM_PRESETS]
    if (!seen.has(id))
      ctx.addIssue({ code: 'custom', path: ['systemOverrides', id], message: `"${id}" is not in systems` })
    const chips = override?.chips
    if (chips === undefined) continue
    const path = ['systemOverrides', id, 'chips']
    if (chips > system.chipCount.value) {
      ctx.addIssue({ code: 'custom', path, message: `${id} has ${system.chipCount.value} chips, not ${chips}` })
    } else if (model.heads.value % chips !== 0) {
      ctx.addIssue({ code: 'custom', path, message: `must divide ${model.id}'s ${model.heads.value} attention heads` })
    }
  }
}

export const ScenarioSchema = ScenarioObjectSchema.superRefine(checkConsistency)

/** A scenario as a user writes it (defaults may be left out). */
export type ScenarioInput = z.input<typeof ScenarioSchema>
/** A validated scenario with every default filled in: what runs, is hashed and is stored. */
export type Scenario = z.output<typeof ScenarioSchema>
export type SystemOverride = z.output<typeof SystemOverrideSchema>
