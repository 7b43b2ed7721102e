import { z } from 'zod'
import { MODEL_PRESET_IDS } from '../models/presets'
import { CACHE_POLICIES, CACHE_POLICY } from '../coe/policies/cache/registry'

const tokens = z.int().min(1).max(131072)

/**
 * Arrival and switch rates, per second: from one every 11.6 days to ten million a second. The
 * bounds keep the event clock's arithmetic finite: a far smaller rate draws infinite gaps, a far
 * larger one gaps that no longer move the clock, or a sum that overflows.
 */
const RATE_MIN = 1e-6
const RATE_MAX = 1e7
const rate = z.number().min(RATE_MIN).max(RATE_MAX)

/** A state left faster than this many times the larger arrival rate holds almost no requests. */
const SWITCH_PER_ARRIVAL_MAX = 100
/** Switch rates within this factor of each other: each state holds at least 1/10001 of the time. */
const SWITCH_RATIO_MAX = 1e4

/** Length distributions' cross-field rule: a uniform range must not be empty. */
function checkUniform(length: { min: number; max: number }, ctx: z.RefinementCtx): void {
  if (length.min > length.max) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: `must be at least min (${length.min})` })
  }
}

/**
 * MMPP rules between fields. Switches are events the simulator draws one by one, and a state
 * left 100× faster than the faster state's requests arrive sees almost none of them: the process
 * is then Poisson at its mean rate. A state held for less than 1/10001 of the time is a single
 * burst in a run, and it would need the clock to resolve its gaps at times far beyond them.
 */
function checkMmpp(mmpp: { rates: [number, number]; switchRates: [number, number] }, ctx: z.RefinementCtx): void {
  const fastest = Math.max(...mmpp.rates)
  mmpp.switchRates.forEach((switchRate, i) => {
    if (switchRate > SWITCH_PER_ARRIVAL_MAX * fastest) {
      ctx.addIssue({
        code: 'custom',
        path: ['switchRates', i],
        message: `must be at most ${SWITCH_PER_ARRIVAL_MAX} × the larger arrival rate (${SWITCH_PER_ARRIVAL_MAX * fastest} per second): a state left faster holds almost no requests`,
      })
    }
  })
  const [s0, s1] = mmpp.switchRates
  if (Math.max(s0, s1) > SWITCH_RATIO_MAX * Math.min(s0, s1)) {
    ctx.addIssue({
      code: 'custom',
      path: ['switchRates', s0 > s1 ? 0 : 1],
      message: `must be within ${SWITCH_RATIO_MAX} × the other switch rate: a state held for less than 1/${SWITCH_RATIO_MAX + 1} of the time is a single burst`,
    })
  }
}

const LengthSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), value: tokens.describe('Tokens in every request') }).strict(),
    z
      .object({
        kind: z.literal('uniform'),
        min: tokens.describe('Fewest tokens'),
        max: tokens.describe('Most tokens (included), at least min'),
      })
      .strict()
      .superRefine(checkUniform),
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
  z
    .object({
      kind: z.literal('poisson'),
      // The form shows the bounds as min and max; RATE_MIN and RATE_MAX above say why they are there.
      rate: rate.describe('Requests per second'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('mmpp'),
      rates: z
        .tuple([rate, rate])
        .describe(
          'Arrival rate in each of the two states, requests/s, 1e-6 to 1e7: beyond, the clock cannot resolve the gaps',
        ),
      switchRates: z
        .tuple([rate, rate])
        .describe(
          'Rate of leaving each state, per second, 1e-6 to 1e7, at most 100 × the larger arrival rate and within 1e4 × each other: a state left faster holds almost no requests',
        ),
    })
    .strict()
    .superRefine(checkMmpp),
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

/** The cache policies a prefetch cannot run with, as the prefetch's help names them. */
const NO_PREFETCH = CACHE_POLICIES.filter((id) => CACHE_POLICY[id].refusesPrefetch !== null)
  .map((id) => `'${id}'`)
  .join(' or ')

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
    cachePolicy: z.enum(CACHE_POLICIES).default('lru').describe('Which experts stay in HBM'),
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
        `Copy the oldest waiting request's expert into HBM while a batch computes (not with cachePolicy ${NO_PREFETCH})`,
      ),
  })
  .strict()

export type Serving = z.output<typeof ServingSchema>
export type ServingInput = z.input<typeof ServingSchema>
