import type { RunQueryInput, RunStatus } from '../../../contract/api'
import { RUN_STATUSES } from '../../../contract/channels'

/**
 * The history browser's state as the route query keeps it (so a reload keeps it), and its
 * translation into a `runsList` query. Pure: no Vue, no router.
 */
export const PAGE_SIZE = 50
/** Typing in the search box pauses this long before the query runs. */
export const SEARCH_DEBOUNCE_MS = 250

export type RunSortKey = NonNullable<RunQueryInput['sort']>
export type SortOrder = 'asc' | 'desc'

/** The columns a user can sort by (`finishedAt` stays an API-only key). */
export const SORTABLE_COLUMNS = ['createdAt', 'label', 'status', 'model', 'scenarioName'] as const

export interface HistoryFilters {
  status: RunStatus | ''
  model: string
  system: string
  tag: string
  starred: boolean
  text: string
  /** Calendar days as date inputs give them (`YYYY-MM-DD`), in the reader's time zone. */
  from: string
  to: string
  sort: RunSortKey
  order: SortOrder
  /** 1-based. */
  page: number
}

export const DEFAULT_FILTERS: Readonly<HistoryFilters> = {
  status: '',
  model: '',
  system: '',
  tag: '',
  starred: false,
  text: '',
  from: '',
  to: '',
  sort: 'createdAt',
  order: 'desc',
  page: 1,
}

type RouteQuery = Record<string, string | null | (string | null)[] | undefined>

function first(value: RouteQuery[string]): string {
  const single = Array.isArray(value) ? value[0] : value
  return single ?? ''
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Reads filters back from a route query; anything unknown or malformed falls back to its default. */
export function filtersFromRoute(query: RouteQuery): HistoryFilters {
  const status = first(query.status)
  const sort = first(query.sort)
  const page = Number.parseInt(first(query.page), 10)
  const from = first(query.from)
  const to = first(query.to)
  return {
    status: (RUN_STATUSES as readonly string[]).includes(status) ? (status as RunStatus) : '',
    model: first(query.model),
    system: first(query.system),
    tag: first(query.tag),
    starred: first(query.starred) === '1',
    text: first(query.q),
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    sort: (SORTABLE_COLUMNS as readonly string[]).includes(sort) ? (sort as RunSortKey) : DEFAULT_FILTERS.sort,
    order: first(query.order) === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

/** The route query for these filters: defaults are left out, so a plain `/runs` means "everything". */
export function routeFromFilters(filters: HistoryFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.status) query.status = filters.status
  if (filters.model) query.model = filters.model
  if (filters.system) query.system = filters.system
  if (filters.tag) query.tag = filters.tag
  if (filters.starred) query.starred = '1'
  if (filters.text.trim()) query.q = filters.text.trim()
  if (filters.from) query.from = filters.from
  if (filters.to) query.to = filters.to
  if (filters.sort !== DEFAULT_FILTERS.sort) query.sort = filters.sort
  if (filters.order !== DEFAULT_FILTERS.order) query.order = filters.order
  if (filters.page > 1) query.page = String(filters.page)
  return query
}

/** Local midnight at the start of a `YYYY-MM-DD` day, plus `days`, as an ISO instant. */
export function dayStartInstant(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, date + days).toISOString()
}

/** The `runsList` query for these filters; "to" is exclusive, so it is the end of that day. */
export function runQueryOf(filters: HistoryFilters): RunQueryInput {
  const text = filters.text.trim()
  return {
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
    sort: filters.sort,
    order: filters.order,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.model ? { model: filters.model } : {}),
    ...(filters.system ? { system: filters.system } : {}),
    ...(filters.tag ? { tag: filters.tag } : {}),
    ...(filters.starred ? { starred: true } : {}),
    ...(text ? { text } : {}),
    ...(filters.from ? { from: dayStartInstant(filters.from) } : {}),
    ...(filters.to ? { to: dayStartInstant(filters.to, 1) } : {}),
  }
}

/** Clicking a column: a new one sorts newest first (dates) or A–Z (text); the same one flips. */
export function nextSort(filters: HistoryFilters, column: RunSortKey): Pick<HistoryFilters, 'sort' | 'order'> {
  if (filters.sort !== column) return { sort: column, order: column === 'createdAt' ? 'desc' : 'asc' }
  return { sort: column, order: filters.order === 'desc' ? 'asc' : 'desc' }
}

/** "41–50 of 1,234" for the page starting at `offset`; "0 of 0" when nothing matches. */
export function pageRangeText(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${total.toLocaleString('en-US')}`
  return `${(offset + 1).toLocaleString('en-US')}–${(offset + shown).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`
}
