import { onSilicon } from './figures'
import { SAMBAFLOW_FIGURES } from './sambaflow2024'
import type { StackProfile } from './schema'

/**
 * SambaNova Cloud (2024) measured from outside: the paper's stack, with the bandwidth it reaches
 * and a per-pass cost (network, queueing and serving loop seen through an endpoint) fitted on
 * two batch-1 rows (8B and 70B).
 */
export const sambanovaCloud2024: StackProfile = {
  label: 'SambaNova Cloud 2024',
  description:
    'SambaNova Cloud endpoints on SN40L (2024); measured from outside, so network and queueing time may be included',
  families: {
    sn40l: onSilicon(
      'sambanova-cloud-2024',
      'sn40l',
      {
        computeEfficiency: SAMBAFLOW_FIGURES.computeEfficiency,
        attentionEfficiency: SAMBAFLOW_FIGURES.attentionEfficiency,
        hostKernelOverhead: SAMBAFLOW_FIGURES.hostKernelOverhead,
        onChipKernelOverhead: SAMBAFLOW_FIGURES.onChipKernelOverhead,
        sequenceStepOverhead: SAMBAFLOW_FIGURES.sequenceStepOverhead,
        collectiveLatency: SAMBAFLOW_FIGURES.collectiveLatency,
      },
      {
        memoryEfficiency: { what: 'HBM bandwidth the cloud service reaches (8B and 70B, batch 1)', start: 0.85 },
        stepOverhead: { what: 'per-pass cost seen through the endpoint (8B and 70B, batch 1)', start: 0 },
      },
    ),
  },
}
