import { describe, expect, it } from 'vitest'
import { paperChartData, paperChartOptions } from '../../../../renderer/src/charts/mappers/paperCharts'
import { paperAssumptions, paperExperiments } from '../../../../renderer/src/viewModels/paperView'
import { paperReportFixture } from '../fixtures'

const experiments = paperExperiments(paperReportFixture())
const byId = (id: string) => experiments.find((experiment) => experiment.id === id)!
const cells = (id: string, key: string) => byId(id).rows.find((row) => row.key === key)!.cells

describe('paper check mapping', () => {
  it('lists the experiments in order', () => {
    expect(experiments.map((experiment) => experiment.id)).toEqual([
      'headlines',
      'coe',
      'current-gpu-stack',
      'switching',
      'footprint',
      'fusion',
      'monarch',
      'gpu-baseline',
      'llama31',
    ])
  })

  it('puts every headline beside its published value, with the verdict, source and notes', () => {
    // 2 / 2 − 1 = 0%, 4 / 13 − 1 = −69.2%: one end off, so the range is off.
    expect(cells('headlines', 'fusion')).toEqual([
      'fusion speedup, 8 sockets',
      '2.0× to 4.0×',
      '2.0× to 13.0×',
      '0.0% to -69.2%',
      'outside 15%',
      '[A]',
      'fused HO over unfused, the lowest and the highest benchmark',
    ])
    expect(byId('headlines').columns).toEqual([
      'claim',
      'simulated',
      'published',
      'error',
      'verdict',
      'source',
      'notes',
    ])
    // 20 / 19 − 1 = 5.26%
    expect(cells('headlines', 'footprint')).toEqual([
      'footprint, SN40L node vs DGX H100',
      'up to 20.0×',
      'up to 19.0×',
      '+5.3%',
      'within 15%',
      '[A]',
      'machines needed, the largest ratio over 10 to 1000 experts',
    ])
    // 40 / 31 − 1 = 29.03%: beyond 15%, flagged
    expect(cells('headlines', 'switching-dgx-a100')).toEqual([
      'model switch vs DGX A100',
      '40.0×',
      '31.0×',
      '+29.0%',
      'outside 15%',
      '[A]',
      'paper host links; perGpuLinks host links: 5.0×',
    ])
    expect(byId('headlines').rows.find((row) => row.key === 'switching-dgx-a100')!.flagged).toBe(true)
    expect(cells('headlines', 'coe-dgx-h100')).toEqual([
      'CoE, batch 8, 20 tokens, vs DGX H100',
      '3.8×',
      '3.7×',
      '+2.7%',
      'within 15%',
      '[A]',
      '148 experts, paper host links; perGpuLinks host links: 1.5×; DGXs on TensorRT-LLM 2024: 2.0×',
    ])
    expect(byId('headlines').chart.datasets).toEqual([
      { label: 'simulated', data: [20, 20, 40, 3.8, 6.4] },
      { label: 'published', data: [19, 15, 31, 3.7, 6.6] },
    ])
  })

  it('checks the CoE claim again with the DGXs on the current GPU stack', () => {
    // The fixture's TensorRT-LLM batch-8 call: 1.0 / 0.5 = 2.0× (H100), 1.5 / 0.5 = 3.0× (A100).
    const rows = byId('current-gpu-stack').rows
    expect(rows.map((row) => row.cells.slice(0, 3))).toEqual([
      ['CoE, batch 8, 20 tokens, vs DGX H100 on TensorRT-LLM 2024', '2.0×', '3.7×'],
      ['CoE, batch 8, 20 tokens, vs DGX A100 on TensorRT-LLM 2024', '3.0×', '6.6×'],
    ])
    // A different stack is a finding, not a miss of the model: never flagged.
    expect(rows.some((row) => row.flagged)).toBe(false)
  })

  it('gives each CoE configuration and GPU a row, with the published value only for batch 8, 20 tokens', () => {
    expect(byId('coe').rows).toHaveLength(4)
    // 1.9 / 0.5 = 3.8 (paper links), 0.75 / 0.5 = 1.5 (per-GPU links)
    expect(cells('coe', 'b8-t20-dgx-h100')).toEqual([
      'batch 8, 20 tokens, 148 experts, vs DGX H100',
      '500 ms',
      '1.9 s',
      '3.8×',
      '1.5×',
      '3.7×',
      '+2.7%',
    ])
    expect(cells('coe', 'b1-t20-dgx-a100')).toEqual([
      'batch 1, 20 tokens, 148 experts, vs DGX A100',
      '50 ms',
      '400 ms',
      '8.0×',
      '4.0×',
      '—',
      '',
    ])
    expect(byId('coe').columns).toContain('speedup, perGpuLinks links')
    expect(byId('coe').chart.datasets[2]).toEqual({ label: 'published vs DGX H100', data: [null, 3.7] })
  })

  it('shows switching under both host-link models', () => {
    expect(cells('switching', 'sn40l-node')).toEqual(['SN40L node', '10 ms', '10 ms', '—', '—', ''])
    // 20 / 15 − 1 = 33.3%
    expect(cells('switching', 'dgx-h100')).toEqual(['DGX H100', '200 ms', '25 ms', '20.0×', '15.0×', '+33.3%'])
    expect(byId('switching').chart.logarithmic).toBe(true)
    expect(byId('switching').description).toBe('Copying one 13.5 GB expert into HBM.')
  })

  it('lists the footprint at the table counts and charts every count', () => {
    // Of 10, 50, 1000 only 50 and 1000 are table counts; 80 / 4 = 20×; the A100 holds none at 1000.
    expect(byId('footprint').rows.map((row) => row.cells)).toEqual([
      ['50', '1', '2', '2', '2.0×'],
      ['1000', '4', '80', '—', '20.0×'],
    ])
    expect(byId('footprint').chart.kind).toBe('line')
    expect(byId('footprint').chart.labels).toEqual(['10', '50', '1000'])
    expect(byId('footprint').chart.datasets[2]).toEqual({ label: 'DGX A100', data: [1, 2, null] })
  })

  it('maps fusion, Monarch, the GPU baseline and Llama 3.1', () => {
    // 1 / 0.5 = 2×, 1 / 0.25 = 4×
    expect(cells('fusion', 'llama2-7b-4k-prefill')).toEqual([
      'llama2-7b-4k-prefill',
      '8',
      '1 s',
      '500 ms',
      '250 ms',
      '2.0×',
      '4.0×',
      '100 → 10',
    ])
    // 110 / 102.6 − 1 = 7.21%
    expect(cells('monarch', 'partiallyFused')).toEqual([
      'partially fused',
      '110.0',
      '102.6',
      '+7.2%',
      'within 15%',
      '[P Table I]',
      'Table I’s three are mutually inconsistent (docs/MODEL.md §9)',
    ])
    // 0.25 / 0.2 − 1 = 25%
    expect(cells('gpu-baseline', 'dgx-a100-tp1-b1')).toEqual([
      'DGX A100 TP1 batch 1',
      '250 ms',
      '200 ms',
      '+25.0%',
      'outside 15%',
      '[NV NeMo]',
      '',
    ])
    expect(cells('gpu-baseline', 'dgx-h100-tp2-b1')).toEqual([
      'DGX H100 TP2 batch 1',
      '100 ms',
      '(prediction)',
      '',
      '',
      '',
      '',
    ])
    expect(cells('llama31', 'llama3.1-8b')).toEqual(['llama3.1-8b', '16', '250'])
  })

  it('lists the assumptions by name, marking the unpublished ones', () => {
    expect(paperAssumptions(paperReportFixture())).toEqual([
      { name: 'fusionBatch', value: '1', source: 'ASSUMPTION: [P Table III] publishes no batch size', assumed: true },
      { name: 'hostLinkModel', value: 'paper', source: '[P Sec. VI-C] one PCIe link for the node', assumed: false },
      { name: 'logitsForLastTokenOnly', value: 'true', source: 'ASSUMPTION: what serving stacks do', assumed: true },
    ])
  })

  it('colours chart series in order and copies the arrays', () => {
    const spec = byId('monarch').chart
    const data = paperChartData(spec, ['#111111', '#222222'])
    expect(data.datasets.map((dataset) => dataset.backgroundColor)).toEqual(['#111111', '#222222'])
    expect(data.datasets[0]!.data).toEqual([39.5, 110, 410.4])
    expect(data.datasets[0]!.data).not.toBe(spec.datasets[0]!.data)
    expect(paperChartOptions(byId('switching').chart).scales?.y?.type).toBe('logarithmic')
  })
})
