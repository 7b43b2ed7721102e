import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { browserStorage, lastView, rememberView, type ViewStorage } from './composables/lastView'
import CompareView from './views/CompareView.vue'
import PaperView from './views/PaperView.vue'
import RunDetailView from './views/RunDetailView.vue'
import RunsView from './views/RunsView.vue'
import ScenariosView from './views/ScenariosView.vue'
import SweepDetailView from './views/SweepDetailView.vue'
import SweepsView from './views/SweepsView.vue'

/** The app's routes; `/` opens the last view `storage` remembers. */
export function appRoutes(storage: ViewStorage | undefined): RouteRecordRaw[] {
  return [
    { path: '/', redirect: () => lastView(storage) },
    { path: '/scenarios', name: 'scenarios', component: ScenariosView },
    { path: '/runs', name: 'runs', component: RunsView },
    {
      path: '/runs/:id(\\d+)',
      name: 'run',
      component: RunDetailView,
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/compare', name: 'compare', component: CompareView },
    { path: '/sweeps', name: 'sweeps', component: SweepsView },
    {
      path: '/sweeps/:id(\\d+)',
      name: 'sweep',
      component: SweepDetailView,
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/paper', name: 'paper', component: PaperView },
    { path: '/:pathMatch(.*)*', redirect: '/scenarios' },
  ]
}

export const routes: RouteRecordRaw[] = appRoutes(undefined)

// Hash history: the page is a file in Electron and a single index.html on the host; both keep
// localStorage, so the last view comes back in either.
export function createAppRouter(
  history: RouterHistory = createWebHashHistory(),
  storage: ViewStorage | undefined = browserStorage(),
): Router {
  const router = createRouter({ history, routes: appRoutes(storage) })
  router.afterEach((to, _from, failure) => {
    if (!failure) rememberView(storage, to.fullPath)
  })
  return router
}
