import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FILTERS,
  dayStartInstant,
  filtersFromRoute,
  nextSort,
  pageRangeText,
  routeFromFilters,
  runQueryOf,
  type HistoryFilters,
} from '../../../../renderer/src/viewModels/runQuery'

const filters = (patch: Partial<HistoryFilters> = {}): HistoryFilters => ({ ...DEFAULT_FILTERS, ...patch })

describe('history filters in the route query', () => {
  it('leaves defaults out of the route, so plain /runs means everything', () => {
    expect(routeFromFilters(filters())).toEqual({})
  })

  it('round-trips every filter through the route query', () => {
    const all = filters({
      status: 'finished',
      model: 'llama2-7b',
      system: 'dgx-h100',
      tag: 'paper',
      starred: true,
      text: 'baseline',
      from: '2024-03-01',
      to: '2024-03-31',
      sort: 'label',
      order: 'asc',
      page: 3,
    })
    const query = routeFromFilters(all)
    expect(query).toEqual({
      status: 'finished',
      model: 'llama2-7b',
      system: 'dgx-h100',
      tag: 'paper',
      starred: '1',
      q: 'baseline',
      from: '2024-03-01',
      to: '2024-03-31',
      sort: 'label',
      order: 'asc',
      page: '3',
    })
    expect(filtersFromRoute(query)).toEqual(all)
  })

  it.each([
    ['an unknown status', { status: 'exploded' }, { status: '' }],
    ['an unknown sort key', { sort: 'seed' }, { sort: 'createdAt' }],
    ['finishedAt, which no column shows', { sort: 'finishedAt' }, { sort: 'createdAt' }],
    ['a page below one', { page: '0' }, { page: 1 }],
    ['a page that is not a number', { page: 'two' }, { page: 1 }],
    ['a malformed day', { from: '1/3/2024' }, { from: '' }],
    ['an order other than asc', { order: 'sideways' }, { order: 'desc' }],
  ])('falls back to the default for %s', (_case, query, expected) => {
    expect(filtersFromRoute(query)).toMatchObject(expected)
  })

  it('takes the first of repeated query values', () => {
    expect(filtersFromRoute({ tag: ['a', 'b'] }).tag).toBe('a')
  })
})

describe('runQueryOf', () => {
  it('asks for page 1 newest first, 50 a page, with no filters by default', () => {
    expect(runQueryOf(filters())).toEqual({ limit: 50, offset: 0, sort: 'createdAt', order: 'desc' })
  })

  it('skips 50 runs a page and sends only the filters in use', () => {
    // page 3 starts after 2 × 50 runs
    expect(runQueryOf(filters({ page: 3, tag: 'paper', starred: true, text: '  warm  ' }))).toEqual({
      limit: 50,
      offset: 100,
      sort: 'createdAt',
      order: 'desc',
      tag: 'paper',
      starred: true,
      text: 'warm',
    })
  })

  it('turns days into local instants, "to" being the start of the next day', () => {
    const query = runQueryOf(filters({ from: '2024-03-05', to: '2024-03-05' }))
    expect(query.from).toBe(new Date(2024, 2, 5).toISOString())
    expect(query.to).toBe(new Date(2024, 2, 6).toISOString())
  })

  it('rolls "to" over a month end', () => {
    expect(dayStartInstant('2024-02-29', 1)).toBe(new Date(2024, 2, 1).toISOString())
  })
})

describe('nextSort', () => {
  it.each([
    ['a new text column starts A–Z', filters(), 'label', { sort: 'label', order: 'asc' }],
    ['the same column flips', filters({ sort: 'label', order: 'asc' }), 'label', { sort: 'label', order: 'desc' }],
    ['createdAt starts newest first', filters({ sort: 'label' }), 'createdAt', { sort: 'createdAt', order: 'desc' }],
    ['createdAt flips to oldest first', filters(), 'createdAt', { sort: 'createdAt', order: 'asc' }],
  ] as const)('%s', (_case, current, column, expected) => {
    expect(nextSort(current, column)).toEqual(expected)
  })
})

describe('pageRangeText', () => {
  it.each([
    [40, 10, 50, '41–50 of 50'],
    [0, 50, 1234, '1–50 of 1,234'],
    [1200, 34, 1234, '1,201–1,234 of 1,234'],
    [0, 0, 0, '0 of 0'],
  ])('offset %i, %i shown of %i: %s', (offset, shown, total, expected) => {
    expect(pageRangeText(offset, shown, total)).toBe(expected)
  })
})
