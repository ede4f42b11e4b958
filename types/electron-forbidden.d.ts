// Layers that must never import Electron (shared/, electron/core, the CLI, the browser host, the
// renderer) resolve 'electron' here instead of to the real package, so such an import fails `tsc -b`.
export type ElectronIsNotAvailableInThisLayer = never;
