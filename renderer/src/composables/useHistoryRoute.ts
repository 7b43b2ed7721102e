import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import {
  filtersFromRoute,
  nextSort,
  routeFromFilters,
  type HistoryFilters,
  type RunSortKey,
} from '../viewModels/runQuery'

/**
 * The history browser's filters, read from and written to the route query, so a reload or a
 * shared link keeps them. Changing a filter returns to the first page; paging keeps the filters.
 */
export function useHistoryRoute() {
  const route = useRoute()
  const router = useRouter()
  const filters = computed(() => filtersFromRoute(route.query))

  function go(next: HistoryFilters): void {
    void router.replace({ query: routeFromFilters(next) })
  }

  return {
    filters,
    change: (patch: Partial<HistoryFilters>) => go({ ...filters.value, ...patch, page: 1 }),
    sortBy: (column: RunSortKey) => go({ ...filters.value, ...nextSort(filters.value, column), page: 1 }),
    goToPage: (page: number) => go({ ...filters.value, page: Math.max(1, page) }),
  }
}
