import { describe, expect, it } from 'vitest'
import {
  ALL_ROWS,
  defaultScatterMetric,
  errorBand,
  filterOptions,
  filterRows,
  honestFigure,
  nextSort,
  readMeasurements,
  scatterMetricOptions,
  sortRows,
  summaryLine,
  summaryTables,
  tableRow,
  truncate,
} from '../../../../renderer/src/viewModels/validationView'
import { validationRow, validationRows, validationViewReport } from '../validationFixtures'

const rows = validationRows()
const ids = (list: readonly { id: string }[]) => list.map((row) => row.id)

describe('filterRows', () => {
  it('keeps every row when no filter is set', () => {
    expect(ids(filterRows(rows, ALL_ROWS))).toEqual(['A-1', 'A-2', 'T-10', 'T-2', 'T-3'])
  })

  it('narrows by stack, hardware, metric and split, together', () => {
    expect(ids(filterRows(rows, { ...ALL_ROWS, stack: 'trtllm-2024' }))).toEqual(['T-10', 'T-2', 'T-3'])
    expect(ids(filterRows(rows, { ...ALL_ROWS, hardware: 'dgx-h100' }))).toEqual(['A-2', 'T-10'])
    expect(ids(filterRows(rows, { ...ALL_ROWS, metric: 'e2eSeconds' }))).toEqual(['A-1', 'A-2', 'T-2'])
    expect(ids(filterRows(rows, { ...ALL_ROWS, split: 'fit' }))).toEqual(['A-1', 'T-3'])
    expect(ids(filterRows(rows, { stack: 'trtllm-2024', hardware: 'dgx-a100', metric: '', split: 'check' }))).toEqual([
      'T-2',
    ])
    expect(filterRows(rows, { ...ALL_ROWS, stack: 'nemo-2023', metric: 'ttftSeconds' })).toEqual([])
  })
})

describe('filterOptions', () => {
  it('offers the stacks and hardware of the rows, the metrics present in registry order, and every split', () => {
    const options = filterOptions(rows)
    expect(options.stack).toEqual([
      { value: 'nemo-2023', label: 'NeMo 2023' },
      { value: 'trtllm-2024', label: 'TensorRT-LLM 2024' },
    ])
    expect(options.hardware.map((option) => option.value)).toEqual(['dgx-a100', 'dgx-h100'])
    expect(options.metric).toEqual([
      { value: 'e2eSeconds', label: 'end-to-end latency' },
      { value: 'ttftSeconds', label: 'time to first token' },
      { value: 'outputTokensPerSecondPerChip', label: 'output tokens/s per chip' },
    ])
    expect(options.split.map((option) => option.value)).toEqual(['fit', 'check'])
  })

  it('names a stack the model does not know by its id', () => {
    expect(filterOptions([validationRow('X', { stack: 'nvbandwidth' })]).stack).toEqual([
      { value: 'nvbandwidth', label: 'nvbandwidth' },
    ])
  })
})

describe('sortRows', () => {
  it('keeps the report order without a sort', () => {
    expect(ids(sortRows(rows, null))).toEqual(['A-1', 'A-2', 'T-10', 'T-2', 'T-3'])
  })

  it('sorts ids naturally, both ways', () => {
    expect(ids(sortRows(rows, { key: 'id', order: 'asc' }))).toEqual(['A-1', 'A-2', 'T-2', 'T-3', 'T-10'])
    expect(ids(sortRows(rows, { key: 'id', order: 'desc' }))).toEqual(['T-10', 'T-3', 'T-2', 'A-2', 'A-1'])
  })

  it('sorts error by |error|, the unsupported row last whichever the order', () => {
    // |error|: T-10 0.05, A-2 0.08 (−8%), A-1 0.25, T-3 0.5; T-2 has none.
    expect(ids(sortRows(rows, { key: 'error', order: 'asc' }))).toEqual(['T-10', 'A-2', 'A-1', 'T-3', 'T-2'])
    expect(ids(sortRows(rows, { key: 'error', order: 'desc' }))).toEqual(['T-3', 'A-1', 'A-2', 'T-10', 'T-2'])
  })

  it('puts the unsupported row last by simulated value too', () => {
    // 0.06, 0.092, 0.25, 1050
    expect(ids(sortRows(rows, { key: 'simulated', order: 'asc' }))).toEqual(['T-3', 'A-2', 'A-1', 'T-10', 'T-2'])
    expect(ids(sortRows(rows, { key: 'simulated', order: 'desc' }))).toEqual(['T-10', 'A-1', 'A-2', 'T-3', 'T-2'])
  })

  it('sorts stacks and metrics by their labels, ties by id', () => {
    expect(ids(sortRows(rows, { key: 'stack', order: 'desc' }))).toEqual(['T-2', 'T-3', 'T-10', 'A-1', 'A-2'])
    // end-to-end latency < output tokens/s per chip < time to first token
    expect(ids(sortRows(rows, { key: 'metric', order: 'asc' }))).toEqual(['A-1', 'A-2', 'T-2', 'T-10', 'T-3'])
  })

  it('does not change the rows it is given', () => {
    const copy = [...rows]
    sortRows(rows, { key: 'measured', order: 'desc' })
    expect(rows).toEqual(copy)
  })
})

describe('nextSort', () => {
  it('starts a column ascending and turns it around on the next click', () => {
    expect(nextSort(null, 'error')).toEqual({ key: 'error', order: 'asc' })
    expect(nextSort({ key: 'error', order: 'asc' }, 'error')).toEqual({ key: 'error', order: 'desc' })
    expect(nextSort({ key: 'error', order: 'desc' }, 'error')).toEqual({ key: 'error', order: 'asc' })
    expect(nextSort({ key: 'error', order: 'desc' }, 'id')).toEqual({ key: 'id', order: 'asc' })
  })
})

describe('tableRow', () => {
  it('writes a scored row with the shared formatting', () => {
    expect(tableRow(rows[1]!)).toMatchObject({
      id: 'A-2',
      stack: 'NeMo 2023',
      metric: 'end-to-end latency',
      measured: '100.0 ms',
      simulated: '92.0 ms',
      error: '−8.0%',
      unsupported: null,
      band: 'within10',
      split: 'check',
      source: 'a published table',
    })
  })

  it('says why an unsupported row has no figure, and never shows a number for it', () => {
    expect(tableRow(rows[3]!)).toMatchObject({
      simulated: null,
      error: null,
      band: null,
      unsupported: 'unsupported: FP8 is not modelled',
    })
  })

  it('shortens a long caveat at a word and keeps it whole for the title', () => {
    const row = tableRow(rows[2]!)
    expect(row.caveat).toBe(rows[2]!.caveat)
    expect(row.caveatShort).toBe('The published figure was measured with…')
    expect(row.caveatShort.length).toBeLessThanOrEqual(41)
    expect(tableRow(rows[0]!).caveatShort).toBe('')
  })
})

describe('truncate and errorBand', () => {
  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short')
    expect(truncate('abcdefghijklmnop', 10)).toBe('abcdefghij…')
  })

  it('bands |error| at 10% and 25%', () => {
    expect([errorBand(0.1), errorBand(-0.2), errorBand(0.26), errorBand(null)]).toEqual([
      'within10',
      'within25',
      'beyond',
      null,
    ])
  })
})

describe('the summary', () => {
  const report = validationViewReport()

  it('writes all rows as one line', () => {
    expect(summaryLine('all', 'all rows', report.summary.all)).toEqual({
      key: 'all',
      label: 'all rows',
      rows: 5,
      scored: 4,
      unsupported: 1,
      median: '16.5%',
      max: '50.0%',
      worst: 'T-3',
    })
  })

  it('gives a table per split, stack, hardware and metric, registries first, labels else', () => {
    const tables = summaryTables(report.summary)
    expect(tables.map((table) => table.title)).toEqual(['By split', 'By stack', 'By hardware', 'By metric'])
    const labels = tables.map((table) => table.lines.map((line) => line.label))
    expect(labels).toEqual([
      ['fit', 'check'],
      ['NeMo 2023', 'TensorRT-LLM 2024'],
      ['dgx-a100', 'dgx-h100'],
      ['end-to-end latency', 'time to first token', 'output tokens/s per chip'],
    ])
    expect(tables[0]!.lines[1]).toMatchObject({ rows: 3, scored: 2, unsupported: 1, median: '6.5%', max: '8.0%' })
  })

  it('takes the check rows’ median as the honest figure', () => {
    expect(honestFigure(report.summary)).toBe('6.5%')
    const noCheck = { ...report.summary, by: { ...report.summary.by, split: {} } }
    expect(honestFigure(noCheck)).toBeNull()
  })
})

describe('the scatter metric', () => {
  it('opens on the metric with most scored rows', () => {
    // e2eSeconds has 3 rows but 2 scored; the others 1 each.
    expect(defaultScatterMetric(rows)).toBe('e2eSeconds')
    const ttft = [validationRow('a', { metric: 'ttftSeconds' }), validationRow('b', { metric: 'ttftSeconds' })]
    expect(defaultScatterMetric([...ttft, validationRow('c')])).toBe('ttftSeconds')
    expect(defaultScatterMetric([])).toBe('e2eSeconds')
  })

  it('offers the metrics with a scored row, with their counts', () => {
    expect(scatterMetricOptions(rows)).toEqual([
      { value: 'e2eSeconds', label: 'end-to-end latency (2)' },
      { value: 'ttftSeconds', label: 'time to first token (1)' },
      { value: 'outputTokensPerSecondPerChip', label: 'output tokens/s per chip (1)' },
    ])
  })
})

describe('readMeasurements', () => {
  const good = {
    format: 'memwall-measurements',
    version: 1,
    rows: [
      {
        id: 'X-1',
        split: 'check',
        stack: 'nemo-2023',
        hardware: { base: 'dgx-a100', chips: 1 },
        workload: { model: 'llama2-7b', batch: 1, promptTokens: 128, outputTokens: 20, precision: '16-bit' },
        metric: 'e2eSeconds',
        measured: 0.2,
        source: 'somewhere',
      },
    ],
  }

  it('reads a valid file', () => {
    const read = readMeasurements(JSON.stringify(good))
    expect(read.ok && read.file.rows[0]!.id).toBe('X-1')
  })

  it('names each bad field as path: message', () => {
    const bad = { ...good, rows: [{ ...good.rows[0], measured: -1 }] }
    const read = readMeasurements(JSON.stringify(bad))
    expect(read.ok).toBe(false)
    expect(!read.ok && read.issues.some((issue) => issue.startsWith('rows.0.measured: '))).toBe(true)
  })

  it('says when the text is not JSON at all', () => {
    const read = readMeasurements('{ not json')
    expect(!read.ok && read.issues[0]).toMatch(/^\(file\): not JSON: /)
  })
})
