import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import { browserStorage, lastView, rememberView, type ViewStorage } from './viewModels/lastView'

// Views load when first visited: the first screen does not wait for every view's code and charts.

/** The app's routes; `/` opens the last view `storage` remembers. */
export function appRoutes(storage: ViewStorage | undefined): RouteRecordRaw[] {
  return [
    { path: '/', redirect: () => lastView(storage) },
    { path: '/scenarios', name: 'scenarios', component: () => import('./views/ScenariosView.vue') },
    { path: '/runs', name: 'runs', component: () => import('./views/RunsView.vue') },
    {
      path: '/runs/:id(\\d+)',
      name: 'run',
      component: () => import('./views/RunDetailView.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
    { path: '/sweeps', name: 'sweeps', component: () => import('./views/SweepsView.vue') },
    {
      path: '/sweeps/:id(\\d+)',
      name: 'sweep',
      component: () => import('./views/SweepDetailView.vue'),
      props: (route) => ({ id: Number(route.params.id) }),
    },
    { path: '/paper', name: 'paper', component: () => import('./views/PaperView.vue') },
    { path: '/validation', name: 'validation', component: () => import('./views/ValidationView.vue') },
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
