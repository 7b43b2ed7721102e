import { z } from 'zod'
import { QuantitySchema, type Quantity } from '../quantity'
import { isReservedKey } from '../own'
import { SILICON_FAMILIES, type SiliconFamily } from '../stacks/schema'
import { STACK_IDS, type StackId } from '../stacks/registry'
import { EXTRA_PRECISIONS, PRECISION, type ExtraPrecision } from '../precision'
import { COLLECTIVE_ALGORITHM, COLLECTIVE_ALGORITHMS, type CollectiveAlgorithmId } from '../perf/collectiveAlgorithms'

/**
 * One accelerator chip (an SN40L socket, one GPU). Bandwidths in bytes/s, capacities in bytes,
 * FLOP/s dense (no sparsity): BF16 in `peakFlops`, other precisions in `precisionPeaks`.
 * Efficiencies are the achievable fraction of the peak, in (0, 1].
 */
export interface ChipSpec {
  name: string
  /** The chip design, by which software-stack profiles key their figures (stacks/). */
  family?: SiliconFamily | undefined
  peakFlops: Quantity
  /** Dense peaks at the other precisions; one absent is one the chip cannot run (precision.ts). */
  precisionPeaks?: Partial<Record<ExtraPrecision, Quantity>> | undefined
  sramBytes: Quantity
  hbmBytes: Quantity
  hbmBandwidth: Quantity
  computeEfficiency: Quantity
  /** Achievable fraction of peak in attention's matrix products (softmax between them); absent: computeEfficiency. */
  attentionEfficiency?: Quantity | undefined
  memoryEfficiency: Quantity
}

/** The tier every expert lives in when it is not in HBM: DDR on the RDU, host DRAM on a GPU server. */
export interface CapacityTierSpec {
  name: string
  /** Capacity of the whole system. */
  bytes: Quantity
  /** Copy rate into HBM for the whole system as the paper models a model switch. */
  copyBandwidth: Quantity
  /** Copy rate of each chip's own path (one PCIe link per GPU; a socket's own DDR channels). */
  perChipCopyBandwidth: Quantity
  /**
   * Chips behind one shared host uplink (two GPUs per PCIe switch on a DGX): under per-chip links
   * they split its rate when they copy at once. Absent: 1, each chip's path is its own.
   */
  chipsPerHostLink?: Quantity | undefined
}

/** Chip-to-chip links used by tensor-parallel collectives. */
export interface InterconnectSpec {
  /** Bandwidth of one chip into the collective, one direction, bytes/s. */
  bandwidth: Quantity
  /** How collectives move over these links: the algorithm and its protocols (perf/collectiveAlgorithms.ts). */
  collectiveAlgorithm: CollectiveAlgorithmId
  /**
   * The software stack's fixed cost of one collective call, s (the framework's dispatch, the wait
   * for the slowest peer), on top of the algorithm's own latencies (perf/collectives.ts).
   */
  collectiveLatency: Quantity
}

/**
 * How the system runs kernels, and what its software stack costs. A system declares what it can
 * do; shared code never asks which vendor it is.
 */
export interface ExecutionSpec {
  /** Streaming dataflow: a whole decoder layer can run as one kernel, intermediates on chip. */
  dataflowFusion: boolean
  /**
   * `async`: kernels are queued ahead (CUDA streams), so a kernel costs max(its work, the
   * launch interval); `sync`: the scheduler waits for each call, so the overhead adds.
   */
  kernelLaunch: 'async' | 'sync'
  /** Device time every kernel takes beyond its work (grid launch, fill and drain), s. */
  kernelRamp: Quantity
  /**
   * How compute and memory traffic overlap inside a kernel: work = (c^p + m^p)^(1/p); 0 stands
   * for the ideal roofline max(c, m) (perf/kernelTime.ts).
   */
  overlapExponent: Quantity
  /** Per kernel call scheduled by the host, s. */
  hostKernelOverhead: Quantity
  /** Per kernel call scheduled on chip (hardware orchestration), s; the host figure where there is none. */
  onChipKernelOverhead: Quantity
  /** Per forward pass: the framework's fixed cost (the software stack), s. */
  stepOverhead: Quantity
  /** Per sequence per forward pass: host-side sampling and bookkeeping (the software stack), s. */
  sequenceStepOverhead: Quantity
  /** Loading a model's programs onto the chips when it is switched in, s. */
  programLoad: Quantity
  /** Where the experts of a CoE sit to size the machine [P Fig. 13]: all in HBM, or in the capacity tier. */
  footprintPlacement: 'hbm' | 'capacityTier'
}

export interface SystemSpec {
  id: string
  name: string
  description: string
  chip: ChipSpec
  chipCount: Quantity
  capacityTier: CapacityTierSpec
  interconnect: InterconnectSpec
  execution: ExecutionSpec
  /** The software stack its own figures are (a preset's: the paper's pairing); absent: its author's own. */
  defaultStack?: StackId | undefined
}

/**
 * Figures a stored scenario may still name, and what replaced them: refused with the reason
 * rather than "unrecognized key", so an old file says what to write instead.
 */
export const RETIRED_FIGURES: Readonly<Record<string, string>> = {
  hopLatency:
    'hopLatency (one ring step) was retired in simulator 0.5.0: collectives now pay their algorithm’s own step latencies (perf/collectiveAlgorithms.ts); set collectiveLatency, the fixed cost of one collective call, instead, and for a custom system its interconnect.collectiveAlgorithm (ncclRing, the default, for a switched GPU fabric; halvingDoubling for peer-to-peer links)',
}

/**
 * The message for unrecognized keys of an object that once held a retired figure: what replaced
 * it, then any other unknown key as zod would name it.
 */
export function retiredFigureError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined
  const keys = issue.keys as string[]
  const retired = keys.filter((key) => Object.hasOwn(RETIRED_FIGURES, key))
  if (retired.length === 0) return undefined
  const others = keys.filter((key) => !Object.hasOwn(RETIRED_FIGURES, key))
  const unknown = others.length === 0 ? '' : `; unrecognized ${others.map((key) => `"${key}"`).join(', ')}`
  return retired.map((key) => RETIRED_FIGURES[key]).join('; ') + unknown
}

/** An overlap exponent p: 0 for the ideal max(c, m), else at least 1 (p = 1 is no overlap; below it, worse than none). */
export const isOverlapExponent = (p: number): boolean => p === 0 || (p >= 1 && p <= 64)
export const OVERLAP_EXPONENT_RULE = 'must be 0 (the ideal roofline) or between 1 (no overlap) and 64'

const efficiency = QuantitySchema.extend({ value: z.number().gt(0).lte(1) })
const positive = QuantitySchema.extend({ value: z.number().gt(0) })

export const ChipSpecSchema = z.object({
  name: z.string().min(1).describe('The chip, as its maker names it'),
  family: z
    .enum(SILICON_FAMILIES)
    .optional()
    .describe('The chip design software-stack profiles key their figures by; absent: only the ideal stack applies'),
  peakFlops: positive.describe('Peak dense BF16 compute of one chip, FLOP/s'),
  precisionPeaks: z
    .object(
      Object.fromEntries(
        EXTRA_PRECISIONS.map((id) => [
          id,
          positive.optional().describe(`Peak dense ${PRECISION[id].label} compute of one chip, FLOP/s (or OP/s)`),
        ]),
      ) as Record<ExtraPrecision, z.ZodOptional<typeof positive>>,
    )
    .strict()
    .optional()
    .describe(
      `Peak dense compute at other precisions than BF16, from the datasheet; a precision left out is one the chip cannot run (${EXTRA_PRECISIONS.join(', ')})`,
    ),
  sramBytes: QuantitySchema.describe('On-chip SRAM of one chip, bytes'),
  hbmBytes: positive.describe('HBM capacity of one chip, bytes'),
  hbmBandwidth: positive.describe('HBM bandwidth of one chip, bytes/s'),
  computeEfficiency: efficiency.describe('Achievable fraction of the peak compute, in (0, 1]'),
  attentionEfficiency: efficiency
    .optional()
    .describe(
      'Achievable fraction of the peak compute in attention kernels (softmax between their matrix products), in (0, 1]; absent: the compute efficiency',
    ),
  memoryEfficiency: efficiency.describe('Achievable fraction of the peak HBM bandwidth, in (0, 1]'),
})

export const SystemSpecSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
      // Results and overrides are keyed by id: a name every object has would read as present.
      .refine((id) => !isReservedKey(id), {
        error: (issue) => `"${String(issue.input)}" is reserved (every JavaScript object has it): pick another`,
      })
      .describe('The id scenarios use to pick the system'),
    name: z.string().min(1).describe('The name shown in tables and charts'),
    description: z.string().describe('One line on what the system is'),
    chip: ChipSpecSchema.describe('One accelerator chip: an SN40L socket, one GPU'),
    chipCount: QuantitySchema.extend({ value: z.int().min(1).max(1024) }).describe(
      'Chips in the system, all used by tensor parallelism',
    ),
    capacityTier: z
      .object({
        name: z.string().min(1).describe('What the tier is: DDR, host DRAM'),
        bytes: QuantitySchema.describe('Capacity of the whole system, bytes'),
        copyBandwidth: positive.describe(
          'Copy rate into HBM for the whole system, as the paper models a switch, bytes/s',
        ),
        perChipCopyBandwidth: positive.describe(
          "Copy rate of each chip's own path (a PCIe link, DDR channels), bytes/s",
        ),
        chipsPerHostLink: QuantitySchema.extend({ value: z.int().min(1).max(1024) })
          .optional()
          .describe(
            'Chips behind one shared host uplink (e.g. two GPUs per PCIe switch): they split its rate when copying at once; absent: 1',
          ),
      })
      .describe('Where experts live when they are not in HBM'),
    interconnect: z
      .strictObject(
        {
          bandwidth: positive.describe('Bandwidth of one chip into a collective, one direction, bytes/s'),
          collectiveAlgorithm: z
            .enum(COLLECTIVE_ALGORITHMS)
            .default('ncclRing')
            .describe(
              `How collectives move over the links: ${COLLECTIVE_ALGORITHMS.map((id) => `${id} (${COLLECTIVE_ALGORITHM[id].description})`).join('; ')}`,
            ),
          collectiveLatency: QuantitySchema.describe(
            "The software stack's fixed cost of one collective call, s, on top of the algorithm's latencies",
          ),
        },
        { error: retiredFigureError },
      )
      .describe('Chip-to-chip links used by tensor-parallel collectives'),
    execution: z
      .object({
        dataflowFusion: z.boolean().describe('Streaming dataflow: a whole decoder layer can run as one kernel'),
        kernelLaunch: z
          .enum(['async', 'sync'])
          .describe('async: kernels queued ahead (CUDA streams); sync: the scheduler waits for each call'),
        kernelRamp: QuantitySchema.default({ value: 0, source: 'not given: no ramp' }).describe(
          'Device time every kernel takes beyond its work (launching its grid, filling and draining the chip), s',
        ),
        overlapExponent: QuantitySchema.extend({
          value: z.number().refine(isOverlapExponent, OVERLAP_EXPONENT_RULE),
        })
          .default({ value: 0, source: 'not given: the ideal roofline' })
          .describe(
            'Compute/memory overlap inside a kernel: work = (c^p + m^p)^(1/p); 0 is the ideal roofline max(c, m)',
          ),
        hostKernelOverhead: QuantitySchema.describe('Per kernel call scheduled by the host, s'),
        onChipKernelOverhead: QuantitySchema.describe('Per kernel call scheduled on chip (hardware orchestration), s'),
        stepOverhead: QuantitySchema.describe("Per forward pass: the framework's fixed cost, s"),
        sequenceStepOverhead: QuantitySchema.describe('Per sequence per forward pass: sampling and bookkeeping, s'),
        programLoad: QuantitySchema.describe("Loading a model's programs onto the chips at a switch, s"),
        footprintPlacement: z
          .enum(['hbm', 'capacityTier'])
          .describe('Where experts sit to size the machine: all in HBM, or in the capacity tier'),
      })
      .describe('How the system runs kernels, and what its software stack costs'),
    defaultStack: z
      .enum(STACK_IDS)
      .optional()
      .describe(
        'The software stack whose figures the system holds; a system whose figures differ from it runs its own',
      ),
  })
  .strict() satisfies z.ZodType<SystemSpec>
