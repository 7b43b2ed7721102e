import type { WorkbenchBridge } from '../contract/api'

declare global {
  interface Window {
    /** Present in the Electron window (set by preload/index.ts); absent in a plain browser. */
    workbench?: WorkbenchBridge
  }
}
