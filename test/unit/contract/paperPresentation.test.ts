import { beforeAll, describe, expect, it } from 'vitest'
import {
  formatPaperError,
  paperComparisonCells,
  paperComparisons,
  paperErrorPercent,
  type PaperComparison,
} from '../../../contract/paperPresentation'
import { formatPaperReport } from '../../../main/cli/paperFormat'
import { escapeHtml } from '../../../main/report/format'
import { paperHtml } from '../../../main/report/paperHtml'
import { paperReport, type PaperReport } from '../../../main/sim/paper/report'
import { paperExperiments } from '../../../renderer/src/viewModels/paperView'

let report: PaperReport
let comparisons: PaperComparison[]
beforeAll(() => {
  report = paperReport('paper')
  comparisons = paperComparisons(report)
})
const byKey = (key: string) => comparisons.find((row) => row.key === key)!

describe('the paper check’s presentation model', () => {
  it.each([
    // (simulated / published − 1) × 100, one decimal, signed, no space
    [3.8, 3.7, 2.7027, '+2.7%'],
    [6.4, 6.6, -3.0303, '-3.0%'],
    [40, 31, 29.0323, '+29.0%'],
    [410.4, 410.4, 0, '0.0%'],
    [0.99999, 1, -0.001, '0.0%'],
  ])('formats the error of %s against %s as %s', (simulated, published, percent, text) => {
    expect(paperErrorPercent(simulated, published)).toBeCloseTo(percent, 3)
    expect(formatPaperError(paperErrorPercent(simulated, published))).toBe(text)
  })

  it('has no error without a published value', () => {
    expect(paperErrorPercent(1, null)).toBeNull()
    expect(paperErrorPercent(1, 0)).toBeNull()
    expect(formatPaperError(null)).toBe('')
  })

  it('gives each comparison a unique key, a unit, a source where published, and a verdict from its error', () => {
    expect(new Set(comparisons.map((row) => row.key)).size).toBe(comparisons.length)
    expect(comparisons.filter((row) => row.headline).map((row) => row.key)).toEqual([
      'fusion',
      'footprint',
      'switching-dgx-h100',
      'switching-dgx-a100',
      'coe-dgx-h100',
      'coe-dgx-a100',
    ])
    for (const row of comparisons) {
      expect(row.published.source === '', row.key).toBe(row.published.value === null)
      expect(row.verdict === 'unpublished', row.key).toBe(row.published.value === null)
      // The paper's claim beside the DGXs on a newer stack: a difference, not the model's error.
      if (row.experiment === 'current-gpu-stack') expect(row.verdict, row.key).toBe('reference')
      else if (typeof row.error.percent === 'number')
        expect(row.verdict, row.key).toBe(Math.abs(row.error.percent) <= 15 ? 'within' : 'outside')
    }
  })

  it('puts the simulation beside the paper, formatted once', () => {
    const switching = byKey('switching-dgx-h100')
    expect(switching).toMatchObject({ quantity: 'model switch vs DGX H100', unit: '×', verdict: 'within' })
    expect(switching.published).toEqual({ value: 15, text: '15.0×', source: '[A]' })
    expect(switching.error.text).toBe(formatPaperError(paperErrorPercent(report.switching.speedup['dgx-h100'], 15)))
    expect(switching.notes).toMatch(/^paper host links; perGpuLinks host links: \d+\.\d×$/)
    // The fusion range: both ends' errors, within only where both are.
    expect(byKey('fusion').published.text).toBe('2.0× to 13.0×')
    expect(byKey('fusion').error.text).toMatch(/^[+-]?\d+\.\d% to [+-]?\d+\.\d%$/)
    // Monarch's unfused intensity is far off Table I (docs/MODEL.md §9), and says so.
    expect(byKey('unfused')).toMatchObject({ unit: 'FLOP/B', verdict: 'outside', verdictText: 'outside 15%' })
    expect(byKey('unfused').notes).toContain('§9')
    expect(byKey('dgx-h100-tp2-b1')).toMatchObject({
      published: { value: null, text: '(prediction)', source: '' },
      error: { percent: null, text: '' },
      verdictText: '',
    })
  })
})

describe('memwall paper, the HTML report and the Paper check view', () => {
  it('render every comparison with the same strings', () => {
    const cli = formatPaperReport(report).split('\n')
    const html = paperHtml({
      title: 't',
      generatedAt: '2026-01-01T00:00:00.000Z',
      appVersion: '0',
      simulatorVersion: report.simulatorVersion,
      hostLinkModel: 'paper',
      report,
    })
    const viewRows = new Map(
      paperExperiments(report).flatMap((experiment) =>
        experiment.rows.map((row) => [`${experiment.id}/${row.key}`, row]),
      ),
    )
    for (const row of comparisons) {
      const cells = paperComparisonCells(row)
      // The CLI: one line with the cells in order.
      const line = cli.find((text) => text.startsWith(`${row.quantity}  `))
      expect(line, row.key).toBeDefined()
      let from = 0
      for (const cell of cells.filter((text) => text !== '')) {
        const at = line!.indexOf(cell, from)
        expect(at, `${row.key}: ${cell}`).toBeGreaterThanOrEqual(from)
        from = at + cell.length
      }
      // The report: the same cells, in one table row.
      expect(html).toContain(`<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
      // The view: the same cells, under the table of its experiment (the headlines for a headline).
      expect(viewRows.get(`${row.headline ? 'headlines' : row.experiment}/${row.key}`)?.cells, row.key).toEqual(cells)
    }
    // The view's CoE and switching tables end with the headline's published value and error.
    expect(viewRows.get('coe/b8-t20-dgx-h100')?.cells.slice(-2)).toEqual([
      byKey('coe-dgx-h100').published.text,
      byKey('coe-dgx-h100').error.text,
    ])
    expect(viewRows.get('switching/dgx-a100')?.cells.slice(-2)).toEqual([
      byKey('switching-dgx-a100').published.text,
      byKey('switching-dgx-a100').error.text,
    ])
  })
})
