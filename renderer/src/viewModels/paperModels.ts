import type { PaperReport } from '../../../contract/api'
import { PAPER_COMPARISON_COLUMNS, type PaperComparison } from '../../../contract/paperPresentation'
import { comparisonRow, type PaperExperiment } from './paperExperiments'
import { factor, fixed, seconds, systemName } from './paperFormat'

/** The paper's experiments on single models: fusion, Monarch FFT, the GPU baseline, Llama 3.1. */

/** Each fusion benchmark unfused, fused with software and with hardware orchestration. */
export function fusionExperiment(report: PaperReport): PaperExperiment {
  const { low, high } = report.published.headlines.fusionSpeedup
  const speedup = (entry: PaperReport['fusion'][number], mode: 'fusedSO' | 'fusedHO') =>
    entry.seconds.unfused / entry.seconds[mode]
  return {
    id: 'fusion',
    title: 'Operator fusion',
    description: `Table III's benchmarks; the paper reports ${factor(low)} to ${factor(high)} from fusion on 8 sockets.`,
    columns: ['benchmark', 'sockets', 'unfused', 'fused SO', 'fused HO', 'speedup SO', 'speedup HO', 'kernel calls'],
    rows: report.fusion.map((entry) => ({
      key: entry.benchmark,
      cells: [
        entry.benchmark,
        String(entry.sockets),
        seconds(entry.seconds.unfused),
        seconds(entry.seconds.fusedSO),
        seconds(entry.seconds.fusedHO),
        factor(speedup(entry, 'fusedSO')),
        factor(speedup(entry, 'fusedHO')),
        `${entry.kernelCalls.unfused} → ${entry.kernelCalls.fused}`,
      ],
      flagged: false,
    })),
    chart: {
      kind: 'bar',
      labels: report.fusion.map((entry) => entry.benchmark),
      datasets: [
        { label: 'fused SO over unfused', data: report.fusion.map((entry) => speedup(entry, 'fusedSO')) },
        { label: 'fused HO over unfused', data: report.fusion.map((entry) => speedup(entry, 'fusedHO')) },
      ],
      yTitle: 'speedup (×)',
      unit: 'factor',
      logarithmic: false,
    },
  }
}

const MONARCH_STEPS = [
  ['unfused', 'unfused'],
  ['partiallyFused', 'partially fused'],
  ['fullyFused', 'fully fused'],
] as const

/** Operational intensity of the Monarch FFT at three levels of fusion, against Table I. */
export function monarchExperiment(report: PaperReport, comparisons: PaperComparison[]): PaperExperiment {
  return {
    id: 'monarch',
    title: 'Monarch FFT intensity',
    description: 'FLOPs per byte of a 1024 × 1024 Monarch decomposition, BF16 (Table I).',
    columns: ['fusion', ...PAPER_COMPARISON_COLUMNS],
    rows: comparisons.filter((comparison) => comparison.experiment === 'monarch').map(comparisonRow),
    chart: {
      kind: 'bar',
      labels: MONARCH_STEPS.map(([, label]) => label),
      datasets: [
        { label: 'simulated', data: MONARCH_STEPS.map(([key]) => report.monarch[key]) },
        { label: 'published', data: MONARCH_STEPS.map(([key]) => report.published.monarch[key]) },
      ],
      yTitle: 'FLOP/byte',
      unit: 'intensity',
      logarithmic: false,
    },
  }
}

/** The CoE claim again with the DGXs on today's GPU stack instead of the paper's NeMo 2023. */
export function currentGpuStackExperiment(report: PaperReport, comparisons: PaperComparison[]): PaperExperiment {
  const rows = comparisons.filter((comparison) => comparison.experiment === 'current-gpu-stack')
  return {
    id: 'current-gpu-stack',
    title: `CoE with the DGXs on ${report.currentGpuStack.label}`,
    description:
      'The paper measured its GPU baselines on NeMo 2023; the same CoE call with the DGXs on a current stack shows whether its claim survives.',
    columns: ['claim', ...PAPER_COMPARISON_COLUMNS],
    rows: rows.map(comparisonRow),
    chart: {
      kind: 'bar',
      labels: rows.map((comparison) => comparison.quantity),
      datasets: [
        { label: 'simulated', data: rows.map((comparison) => comparison.simulated.value as number) },
        {
          label: 'published (against NeMo 2023)',
          data: rows.map((comparison) => comparison.published.value as number),
        },
      ],
      yTitle: 'SN40L speedup (×)',
      unit: 'factor',
      logarithmic: false,
    },
  }
}

/** Llama-2-7B end to end on the DGX presets beside NeMo's measurements. */
export function gpuBaselineExperiment(report: PaperReport, comparisons: PaperComparison[]): PaperExperiment {
  const label = (entry: PaperReport['gpuBaseline'][number]) =>
    `${systemName(entry.system)} TP${entry.tp} batch ${entry.batch}`
  return {
    id: 'gpu-baseline',
    title: 'GPU baseline against NeMo',
    description:
      'Llama-2-7B, 128 tokens in and 20 out; NeMo published some of these settings, the rest are predictions.',
    columns: ['setting', ...PAPER_COMPARISON_COLUMNS],
    rows: comparisons.filter((comparison) => comparison.experiment === 'gpu-baseline').map(comparisonRow),
    chart: {
      kind: 'bar',
      labels: report.gpuBaseline.map(label),
      datasets: [
        { label: 'simulated', data: report.gpuBaseline.map((entry) => entry.seconds) },
        { label: 'NeMo', data: report.gpuBaseline.map((entry) => entry.publishedSeconds) },
      ],
      yTitle: 'latency',
      unit: 'seconds',
      logarithmic: false,
    },
  }
}

/** Output speed one user sees for Llama 3.1 on 16 sockets; nothing published to compare. */
export function llama31Experiment(report: PaperReport): PaperExperiment {
  return {
    id: 'llama31',
    title: 'Llama 3.1 on 16 sockets',
    description:
      'Batch 1, 128 tokens in and 200 out, fused with hardware orchestration; a prediction (no published value).',
    columns: ['model', 'sockets', 'tokens/s per user'],
    rows: report.llama31.map((entry) => ({
      key: entry.model,
      cells: [entry.model, String(entry.sockets), fixed(entry.tokensPerSecondPerUser, 0)],
      flagged: false,
    })),
    chart: {
      kind: 'bar',
      labels: report.llama31.map((entry) => entry.model),
      datasets: [{ label: 'tokens/s per user', data: report.llama31.map((entry) => entry.tokensPerSecondPerUser) }],
      yTitle: 'tokens/s per user',
      unit: 'rate',
      logarithmic: false,
    },
  }
}
