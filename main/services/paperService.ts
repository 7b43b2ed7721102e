import { paperReport, type PaperReport } from '../sim'

/** The reproduction of the SN40L paper's experiments, under either host-link model. */
export class PaperService {
  report(hostLinkModel: 'paper' | 'perGpuLinks' = 'paper'): PaperReport {
    return paperReport(hostLinkModel)
  }
}
