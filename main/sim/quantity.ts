import { z } from 'zod'

/**
 * Every hardware or model constant carries where it came from. `source` cites
 * ../shared/reference/sn40l-paper.md tags ([P …], [NV], [HC]) or a public document, or starts
 * with "ASSUMPTION:" when no public figure exists.
 */
export interface Quantity {
  value: number
  source: string
}

export const QuantitySchema = z.object({
  value: z.number().finite().nonnegative().describe('The number, in the unit the field names'),
  source: z.string().min(1).describe('Where the number comes from: a citation, or "ASSUMPTION: why"'),
})

export function q(value: number, source: string): Quantity {
  return { value, source }
}
