import type { Quantity } from '../quantity'
import type { CapacityTierSpec } from './schema'

/**
 * How experts are copied from the capacity tier into HBM at a model switch, one entry per model:
 * the scenario schema, the assumptions ledger, the copy rate the model uses, the form and the
 * paper check's choice are all generated from it.
 */
export interface HostLinkModelEntry {
  /** The model as people read it. */
  label: string
  /** What it means and how the model uses it. */
  description: string
  /** The whole system's copy rate into HBM with the model's tensor-parallel chips, with its source. */
  copyBandwidth: (tier: CapacityTierSpec, chips: number) => Quantity
}

/**
 * The host links `chips` chips copy over at once under per-chip links: chips behind one shared
 * uplink (tier.chipsPerHostLink, two GPUs per PCIe switch on a DGX) count once per uplink.
 */
export function hostLinksUsed(tier: CapacityTierSpec, chips: number): number {
  return Math.ceil(chips / (tier.chipsPerHostLink?.value ?? 1))
}

export const HOST_LINK_MODEL = {
  paper: {
    label: 'one link per node (as the paper)',
    description: "one copy rate for the whole system, as the paper models a switch (the capacity tier's copyBandwidth)",
    copyBandwidth: (tier) => tier.copyBandwidth,
  },
  perGpuLinks: {
    label: 'one link per GPU',
    description:
      "each chip copies over its own path, chips behind one shared host uplink splitting it: the tier's perChipCopyBandwidth × ⌈chips used / chipsPerHostLink⌉",
    copyBandwidth: (tier, chips) => {
      const links = hostLinksUsed(tier, chips)
      const shared = tier.chipsPerHostLink
      const topology =
        shared === undefined || shared.value === 1
          ? `× ${chips} chips, each over its own path`
          : `× ${links} host uplinks: ${chips} chips, ${shared.value} per uplink (${shared.source}); ASSUMPTION: the chips a model uses are packed onto uplinks in device order, so a lone chip has its uplink to itself`
      return {
        value: tier.perChipCopyBandwidth.value * links,
        source: `${tier.perChipCopyBandwidth.source}; ${topology}`,
      }
    },
  },
} as const satisfies Record<string, HostLinkModelEntry>

export type HostLinkModel = keyof typeof HOST_LINK_MODEL
/** The model ids in registry order (a tuple, for `z.enum`). */
export const HOST_LINK_MODELS = Object.keys(HOST_LINK_MODEL) as [HostLinkModel, ...HostLinkModel[]]
