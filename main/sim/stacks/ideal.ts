import { q } from '../quantity'
import type { StackProfile } from './schema'

const IDEAL = 'DEFINITION: the ideal stack, a bound no software reaches'

/**
 * No software at all: every kernel at the chip's peak, no call, pass, sequence or collective
 * latency (collectives still move their bytes). What the silicon alone allows; runs on any chip.
 */
export const ideal: StackProfile = {
  label: 'Ideal (no overheads)',
  description: 'A bound, not a product: peak compute and bandwidth, no host, call or collective latency',
  families: {},
  anySilicon: {
    computeEfficiency: q(1, `${IDEAL}: peak FLOP/s`),
    attentionEfficiency: q(1, `${IDEAL}: peak FLOP/s in attention too`),
    memoryEfficiency: q(1, `${IDEAL}: peak HBM bandwidth`),
    hostKernelOverhead: q(0, `${IDEAL}: no kernel-call cost`),
    onChipKernelOverhead: q(0, `${IDEAL}: no kernel-call cost`),
    stepOverhead: q(0, `${IDEAL}: no per-pass cost`),
    sequenceStepOverhead: q(0, `${IDEAL}: no per-sequence cost`),
    collectiveLatency: q(0, `${IDEAL}: no cost per collective call beyond the algorithm's`),
  },
}
