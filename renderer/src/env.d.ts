/// <reference types="vite/client" />
// `window.workbench`: present in the Electron window, absent in a plain browser.
import type {} from '../../preload/window'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
