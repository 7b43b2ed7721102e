// The layer rule of docs/ARCHITECTURE.md, written as data and checked by `npm test` (`npm run layers`).
// Paths are relative to the repository root.
const why = (text) => `${text} See docs/ARCHITECTURE.md, "Layers".`

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: why('Import cycles make layers impossible to reason about.'),
      from: {},
      to: { circular: true },
    },
    {
      name: 'sim-no-platform',
      severity: 'error',
      comment: why('main/sim is pure: it runs in workers, the CLI and tests, so it may not use Node built-ins.'),
      from: { path: '^main/sim/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sim-only-pure-packages',
      severity: 'error',
      comment: why(
        'main/sim may use only small pure packages (zod, @noble/hashes, safe-stable-stringify, pure-rand, simple-statistics).',
      ),
      from: { path: '^main/sim/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(zod|@noble/hashes|safe-stable-stringify|pure-rand|simple-statistics)/',
      },
    },
    {
      name: 'sim-self-contained',
      severity: 'error',
      comment: why(
        'main/sim imports only itself (and the shipped measurement sets, resources/validation/*.json and kernels/*.json, as data); everything else depends on it, never the reverse.',
      ),
      from: { path: '^main/sim/' },
      to: {
        dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
        pathNot: '^main/sim/|^resources/validation/(kernels/)?[a-z-]+\\.json$',
      },
    },
    {
      name: 'contract-is-thin',
      severity: 'error',
      comment: why(
        "The contract (contract/) may import zod, the scenario schema and hash, the measurements format (main/sim/validation/schema.ts), the core's registries (main/sim/registries.ts: the tables the forms and views are generated from), and types from the core; never the app around it.",
      ),
      from: { path: '^contract/' },
      to: {
        path: '^main/|^preload/|^renderer/',
        pathNot: '^main/sim/scenario/|^main/sim/registries\\.ts$|^main/sim/validation/schema\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'electron-only-in-shell',
      severity: 'error',
      comment: why(
        'Only the Electron shell (main/index, window, ipc) and the preload may import electron; everything else must run in plain Node.',
      ),
      from: { pathNot: '^(main/(index|window|ipc)|preload/index)\\.ts$' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'workers-run-sim-only',
      severity: 'error',
      comment: why('Workers run the simulation; they know nothing of the store, services or transports.'),
      from: { path: '^main/workers/' },
      to: { path: '^main/(store|services|host|cli|report)/|^main/(dispatch|container|index|window|ipc|cli)\\.ts$' },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      comment: why('The store keeps runs; it does not run simulations or know about services.'),
      from: { path: '^main/store/' },
      to: {
        path: '^main/(sim|workers|services|host|cli|report)/|^main/(dispatch|container|index|window|ipc|cli)\\.ts$',
      },
    },
    {
      name: 'services-below-transports',
      severity: 'error',
      comment: why(
        'Services are called by dispatch; they never reach up into transports or the shell, and read the core only through its index (simulations run in workers).',
      ),
      from: { path: '^main/services/' },
      to: { path: '^main/(host|cli)/|^main/(dispatch|container|index|window|ipc|cli)\\.ts$|^main/sim/(?!index\\.ts$)' },
    },
    {
      name: 'host-through-dispatch',
      severity: 'error',
      comment: why('The browser host reaches services only through dispatch, like the IPC layer.'),
      from: { path: '^main/host/' },
      to: { path: '^main/(store|workers|sim|services)/|^main/container\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'preload-stays-small',
      severity: 'error',
      comment: why(
        'The sandboxed preload bundles only contract/channels.ts and electron; a value import of contract/api.ts would pull zod and the presets into it.',
      ),
      from: { path: '^preload/' },
      to: { pathNot: '^contract/channels\\.ts$|^electron$|node_modules/electron/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'dispatch-below-transports',
      severity: 'error',
      comment: why('dispatch.ts and container.ts are called by the shell, the host and the CLI, never the reverse.'),
      from: { path: '^main/(dispatch|container)\\.ts$' },
      to: { path: '^main/(host|cli)/|^main/(index|window|ipc|cli)\\.ts$' },
    },
    {
      name: 'shell-through-container',
      severity: 'error',
      comment: why(
        'The Electron shell builds the container and hands IPC to dispatch; it does not reach into the store, workers, core or services.',
      ),
      from: { path: '^main/(index|window|ipc)\\.ts$' },
      to: { path: '^main/(store|workers|sim|services)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cli-through-services',
      severity: 'error',
      comment: why(
        'The CLI works through the container and its services, like the window does; it does not open the store or run the core itself.',
      ),
      from: { path: '^main/cli(\\.ts$|/)' },
      to: { path: '^main/(store|workers|sim)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'security-is-a-leaf',
      severity: 'error',
      comment: why(
        'main/security holds shared policy (CSP, trusted page) for the shell and the host; it imports nothing of the app.',
      ),
      from: { path: '^main/security/' },
      to: { path: '^(main|contract|preload|renderer)/', pathNot: '^main/security/' },
    },
    {
      name: 'renderer-through-contract',
      severity: 'error',
      comment: why(
        'The renderer runs in a browser: it talks to main only through the contract (contract/) and never imports Node, main-process or preload code.',
      ),
      from: { path: '^renderer/' },
      to: { path: '^main/|^preload/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      comment: why('The renderer runs in a browser and may not import Node built-ins.'),
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.vue', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
