import { z } from 'zod'
import { QuantitySchema, type Quantity } from '../quantity'

/**
 * One accelerator chip (an SN40L socket, one GPU). Bandwidths in bytes/s, capacities in bytes,
 * FLOP/s for dense BF16. Efficiencies are the achievable fraction of the peak, in (0, 1].
 */
export interface ChipSpec {
  name: string
  peakFlops: Quantity
  sramBytes: Quantity
  hbmBytes: Quantity
  hbmBandwidth: Quantity
  computeEfficiency: Quantity
  memoryEfficiency: Quantity
}

/** The tier every expert lives in when it is not in HBM: DDR on the RDU, host DRAM on a DGX. */
export interface CapacityTierSpec {
  name: string
  bytes: Quantity
  /** Rate at which the whole system copies from this tier into HBM: the model-switch path. */
  copyBandwidth: Quantity
}

export interface SystemSpec {
  id: string
  name: string
  description: string
  chip: ChipSpec
  chipCount: Quantity
  capacityTier: CapacityTierSpec
}

const efficiency = QuantitySchema.extend({ value: z.number().gt(0).lte(1) })

export const ChipSpecSchema = z.object({
  name: z.string().min(1),
  peakFlops: QuantitySchema,
  sramBytes: QuantitySchema,
  hbmBytes: QuantitySchema,
  hbmBandwidth: QuantitySchema,
  computeEfficiency: efficiency,
  memoryEfficiency: efficiency,
})

export const SystemSpecSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  description: z.string(),
  chip: ChipSpecSchema,
  chipCount: QuantitySchema.extend({ value: z.int().min(1).max(1024) }),
  capacityTier: z.object({ name: z.string().min(1), bytes: QuantitySchema, copyBandwidth: QuantitySchema }),
}) satisfies z.ZodType<SystemSpec>
