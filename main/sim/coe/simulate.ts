import type { ResolvedSystem } from '../assumptions'
import { MODEL_PRESETS } from '../models/presets'
import { expertPlacement } from '../perf/coeCall'
import { machinesNeeded } from '../perf/footprint'
import type { Serving } from '../scenario/servingSchema'
import { BYTES_PER_ELEMENT } from '../units'
import type { ServingContext } from './context'
import { EventQueue } from './eventQueue'
import { ExpertSet } from './expertSet'
import { handle, nextArrival } from './events/handlers'
import type { ServingEvent } from './events/types'
import { CACHE_POLICY, createExpertCache } from './policies/cache'
import { createServiceModel, type ServiceModel } from './serviceModel'
import { createServingMetrics, type ServingMetrics } from './servingMetrics'
import { summarise } from './summary'
import type { ServingSystemResult } from '../result'
import { createRequestSource, createRouting } from './sources'
import { RequestQueue } from './requestQueue'
import type { ExpertId } from './types'

export interface ServingHooks {
  /** Replaces the performance model's service times (tests of queueing theory use this). */
  service?: ServiceModel
  /** Fraction of requests done, 0..1; called every few thousand events. */
  onProgress?: (fraction: number) => void
  /** Told each time a batch starts: its expert, and whether it is resident and fully loaded (tests use this). */
  onBatchStart?: (expert: ExpertId, loaded: boolean) => void
  /** Given the run's tallies at its end, counters beyond the result's included (tests use this). */
  onFinished?: (metrics: Readonly<ServingMetrics>) => void
}

const BATCH_OF_EVENTS = 4096

/** Largest lengths the run can see, to reserve the KV cache when sizing HBM. */
function longest(length: Serving['promptTokens']): number {
  return length.kind === 'fixed' ? length.value : length.max
}

/**
 * A seeded discrete-event simulation of a Composition of Experts served on one system: requests
 * arrive, the router batches and routes them, each expert's requests wait in its queue, a miss
 * switches the expert into HBM over the copy path, and batches run with service times from the
 * performance model: whole (the paper's) or step by step with requests joining (continuous), the
 * next expert's copy optionally prefetched beside compute. Same system, configuration and seed:
 * the same result.
 */
export function simulateServing(
  system: ResolvedSystem,
  config: Serving,
  seed: number,
  hooks: ServingHooks = {},
): ServingSystemResult {
  // Router and experts at the workload's precision, as the resolved system's peak is.
  const e = BYTES_PER_ELEMENT[system.precision]
  const expert = MODEL_PRESETS[config.expertModel]
  const router = config.routerModel === null ? null : MODEL_PRESETS[config.routerModel]
  const sizing = {
    router: router ?? expert,
    expert,
    batch: config.maxBatch,
    promptTokens: longest(config.promptTokens),
    outputTokens: longest(config.outputTokens),
    bytesPerElement: e,
  }
  const placement = expertPlacement(system, { ...sizing, experts: config.experts })
  // The footprint: machines for every expert under the system's placement rule (docs/MODEL.md §6).
  const machinesForExperts = machinesNeeded(system, sizing, config.experts)
  if (!placement.fits) return { ...summarise.outOfMemory(system, config, placement), machinesForExperts }
  const routing = createRouting(config, seed, CACHE_POLICY[config.cachePolicy].needsFuture)
  const slots = Math.min(placement.residentSlots, config.experts)
  // Pinning keeps one slot free, so an unpinned expert still has somewhere in HBM to run.
  const cache = createExpertCache(config.cachePolicy, slots, {
    pinned: routing.ranking.slice(0, Math.max(0, slots - 1)),
    future: routing.future ? Array.from(routing.future) : undefined,
  })
  const service = hooks.service ?? createServiceModel(system, expert, router, e)
  const ctx: ServingContext = {
    config,
    state: {
      now: 0,
      busy: false,
      unrouted: new RequestQueue(),
      queues: Array.from({ length: config.experts }, () => new RequestQueue()),
      waitingExperts: new ExpertSet(config.experts),
      waiting: 0,
      inSystem: 0,
      cache,
      current: -1,
      running: null,
      copy: null,
      prefetched: new Set(),
    },
    service,
    metrics: createServingMetrics(Math.max(service.switchSeconds, 1e-3)),
    source: createRequestSource(config, seed),
    expertOf: routing.expertOf,
    nextRequestId: 0,
    onBatchStart: hooks.onBatchStart,
  }
  const queue = new EventQueue<ServingEvent>()
  const first = nextArrival(ctx)
  if (first) queue.schedule(first)
  let events = 0
  for (let event = queue.pop(); event; event = queue.pop()) {
    ctx.state.now = event.time
    const followUps = handle(ctx, event)
    for (let i = 0; i < followUps.length; i++) queue.schedule(followUps[i]!)
    if (++events % BATCH_OF_EVENTS === 0) {
      hooks.onProgress?.(ctx.metrics.counters.completed / config.requests)
    }
  }
  hooks.onProgress?.(1)
  hooks.onFinished?.(ctx.metrics)
  return { ...summarise.finished(system, config, placement, ctx, events), machinesForExperts }
}
