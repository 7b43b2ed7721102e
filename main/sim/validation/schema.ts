import * as z from 'zod'
import { VALIDATION_METRIC_IDS } from './metrics'
import { PRECISIONS } from '../precision'

/** The measurement splits: `fit` rows may set a stack's fitted figures, `check` rows never. */
export const VALIDATION_SPLITS = ['fit', 'check'] as const
export type ValidationSplit = (typeof VALIDATION_SPLITS)[number]

/** What the validation summary is given by, besides all rows together. */
export const SUMMARY_GROUPS = ['split', 'stack', 'hardware', 'metric'] as const
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number]

const positive = z.number().positive()

/**
 * One published measurement (format "memwall-measurements" version 1, described in
 * resources/validation/README.md). What the file may say but the model cannot express (an
 * unknown preset, model or stack, a precision the model or the chip lacks, such as FP8 on an A100)
 * is valid here: the row is reported as unsupported, not refused, so no row of a valid file is
 * ever dropped.
 */
export const MeasurementRowSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    split: z.enum(VALIDATION_SPLITS),
    stack: z.string().trim().min(1).max(100).describe('The software that was measured: a key of the file’s stacks'),
    hardware: z
      .object({
        base: z.string().min(1).max(100).describe('A system preset id'),
        chips: z.int().min(1).max(4096).describe('Chips used: the tensor-parallel degree'),
        chip: z
          .record(z.string(), positive)
          .optional()
          .describe('Chip fields of the preset that the measured part differs in, in SI units'),
        note: z.string().max(2000).optional(),
      })
      .loose(),
    workload: z
      .object({
        model: z.string().min(1).max(100),
        batch: z.int().min(1),
        promptTokens: z.int().min(1),
        outputTokens: z.int().min(1),
        precision: z
          .string()
          .min(1)
          .max(40)
          .describe(`${PRECISIONS.join(', ')} (any case), or "16-bit" (run as BF16); others are unsupported`),
        speculative: z
          .object({
            draftModel: z.string().min(1).max(100),
            proposedTokens: z.int().min(1).optional(),
            acceptanceRate: z.number().min(0).max(1).optional(),
          })
          .loose()
          .optional()
          .describe(
            'Speculative decoding as measured: the draft model (a model preset id), tokens proposed per step and acceptance rate, each left out taking the scenario default (docs/MODEL.md §4.1); one the scenario schema refuses makes the row unsupported',
          ),
      })
      .loose(),
    metric: z.enum(VALIDATION_METRIC_IDS),
    measured: positive.describe('The measured value, in the metric’s SI unit'),
    as_published: z.string().max(2000).optional(),
    published_configuration: z.string().max(4000).optional(),
    source: z.string().trim().min(1).max(4000),
    notes: z.string().max(4000).optional(),
  })
  .loose()
export type MeasurementRow = z.output<typeof MeasurementRowSchema>

export const MeasurementFileSchema = z
  .object({
    format: z.literal('memwall-measurements'),
    version: z.literal(1),
    description: z.string().optional(),
    metrics: z.record(z.string(), z.string()).optional(),
    stacks: z.record(z.string(), z.string()).optional(),
    splits: z.record(z.string(), z.string()).optional(),
    rows: z.array(MeasurementRowSchema).min(1).max(10000),
  })
  .loose()
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    file.rows.forEach((row, index) => {
      if (seen.has(row.id))
        ctx.addIssue({ code: 'custom', path: ['rows', index, 'id'], message: `"${row.id}" appears twice` })
      seen.add(row.id)
      if (file.stacks !== undefined && !Object.hasOwn(file.stacks, row.stack)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'stack'],
          message: `"${row.stack}" is not one of the file's stacks (${Object.keys(file.stacks).join(', ')})`,
        })
      }
    })
  })
export type MeasurementFile = z.output<typeof MeasurementFileSchema>

/** A parsed file, or every issue as `path: message` (e.g. `rows.3.measured: …`). */
export function parseMeasurements(
  input: unknown,
): { ok: true; file: MeasurementFile } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = MeasurementFileSchema.safeParse(input)
  if (parsed.success) return { ok: true, file: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(file)',
      message: issue.message,
    })),
  }
}
