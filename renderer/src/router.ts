import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import CompareView from './views/CompareView.vue'
import RunDetailView from './views/RunDetailView.vue'
import RunsView from './views/RunsView.vue'
import ScenariosView from './views/ScenariosView.vue'

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/scenarios' },
  { path: '/scenarios', name: 'scenarios', component: ScenariosView },
  { path: '/runs', name: 'runs', component: RunsView },
  {
    path: '/runs/:id(\\d+)',
    name: 'run',
    component: RunDetailView,
    props: (route) => ({ id: Number(route.params.id) }),
  },
  { path: '/compare', name: 'compare', component: CompareView },
  { path: '/:pathMatch(.*)*', redirect: '/scenarios' },
]

// Hash history: the page is a file in Electron and a single index.html on the host.
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes })
}
