import { paperReport as reproducePaper, type PaperReport } from '../sim/paper/report'
import type { HostLinkModel } from '../sim/paper/coe'

/** The paper check to compute: which host-link model the DGXs copy experts over. */
export interface PaperTask {
  hostLinkModel: HostLinkModel
}

/**
 * Piscina task (export `paperReport` of simWorker): the SN40L paper's experiments. It runs here,
 * not on the main thread, because the reproduction is hundreds of milliseconds of simulation.
 */
export function paperReport({ hostLinkModel }: PaperTask): PaperReport {
  // No check of its own: the reproduction parses its ledger scenario, host-link model included.
  return reproducePaper(hostLinkModel)
}
