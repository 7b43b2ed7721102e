/** A running sum that keeps the rounding error of each addition (Neumaier's variant of Kahan). */
export interface CompensatedSum {
  add(term: number): void
  readonly value: number
}

/**
 * Millions of small latencies or areas added to a large total lose their low bits in a plain `+=`;
 * carrying the lost part separately keeps the sum correct to the last bit or two, in O(1) memory.
 */
export function createCompensatedSum(): CompensatedSum {
  let sum = 0
  let compensation = 0
  return {
    add(term: number): void {
      const next = sum + term
      compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum
      sum = next
    },
    get value(): number {
      return sum + compensation
    },
  }
}
