import { z } from 'zod'
import { MODEL_PRESET_IDS } from '../models/presets'

const positive = z.number().positive().finite()
const tokens = z.int().min(1).max(131072)

const LengthSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), value: tokens.describe('Tokens in every request') }).strict(),
    z
      .object({
        kind: z.literal('uniform'),
        min: tokens.describe('Fewest tokens'),
        max: tokens.describe('Most tokens (included)'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('lognormal'),
        median: tokens.describe('Median tokens'),
        sigma: z.number().min(0).max(5).describe('Spread: the standard deviation of the log of the length'),
        max: tokens.describe('Longer draws are cut to this'),
      })
      .strict(),
  ])
  .describe('Tokens per request: fixed, uniform between two bounds, or lognormal (long-tailed, like real chats)')

const TrafficSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('poisson'), rate: positive.describe('Requests per second') }).strict(),
  z
    .object({
      kind: z.literal('mmpp'),
      rates: z.tuple([positive, positive]).describe('Arrival rate in each of the two states, requests/s'),
      switchRates: z.tuple([positive, positive]).describe('Rate of leaving each state, per second'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('trace'),
      arrivals: z
        .array(
          z
            .object({
              time: z.number().min(0),
              promptTokens: tokens,
              outputTokens: tokens,
              expert: z.int().min(0).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(2_000_000)
        .describe('Requests in time order; `memwall run --trace` fills this from a CSV or JSONL file'),
    })
    .strict(),
])

const RoutingSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('uniform') }).strict(),
    z
      .object({
        kind: z.literal('zipf'),
        exponent: z.number().min(0).max(10).describe('s in p_i ∝ 1/(i+1)^s: 0 is uniform, larger is more skewed'),
      })
      .strict(),
    z
      .object({
        kind: z.literal('table'),
        weights: z.array(z.number().min(0)).min(1).describe('One weight per expert; popularity is weight / total'),
      })
      .strict(),
  ])
  .describe('How requests choose among the experts')

/** A Composition of Experts served under traffic: what issue 4's discrete-event simulation runs. */
export const ServingSchema = z
  .object({
    experts: z.int().min(1).max(100_000).describe('Experts behind the router'),
    expertModel: z.enum(MODEL_PRESET_IDS).default('llama2-7b').describe('The model every expert is'),
    routerModel: z.enum(MODEL_PRESET_IDS).nullable().default('llama2-7b').describe('The router, or null for none'),
    traffic: TrafficSchema,
    requests: z
      .int()
      .min(1)
      .max(10_000_000)
      .default(10_000)
      .describe('Requests to simulate (a trace: at most its length)'),
    promptTokens: LengthSchema.default({ kind: 'fixed', value: 128 }),
    outputTokens: LengthSchema.default({ kind: 'fixed', value: 20 }),
    routing: RoutingSchema.default({ kind: 'uniform' }),
    locality: z.number().min(0).max(1).default(0).describe('Probability a request repeats the previous expert'),
    cachePolicy: z.enum(['lru', 'lfu', 'pinned', 'belady']).default('lru').describe('Which experts stay in HBM'),
    maxBatch: z.int().min(1).max(1024).default(8).describe('Requests for one expert run together, at most this many'),
    scheduling: z
      .enum(['fcfs', 'residentFirst'])
      .default('fcfs')
      .describe(
        'fcfs: the oldest waiting request picks the expert; residentFirst: keep serving a resident expert while its oldest request has waited less than fairnessSeconds',
      ),
    fairnessSeconds: z
      .number()
      .min(0)
      .max(3600)
      .default(1)
      .describe('residentFirst: once a request anywhere has waited this long, its expert is served next, s'),
    timeoutSeconds: z.number().positive().max(86_400).optional().describe('Requests waiting longer are dropped'),
    batching: z
      .enum(['paper', 'continuous'])
      .default('paper')
      .describe(
        "paper: a batch runs to its longest request's end before the next starts; continuous: decode step by step, requests for the running expert join at step boundaries (their prefill as a step of its own) and leave when done",
      ),
    prefetch: z
      .boolean()
      .default(false)
      .describe(
        "Copy the oldest waiting request's expert into HBM while a batch computes (not with cachePolicy 'belady')",
      ),
  })
  .strict()

export type Serving = z.output<typeof ServingSchema>
export type ServingInput = z.input<typeof ServingSchema>
