/**
 * The rules of direction of ARCHITECTURE.md, checked by `npm run lint`. Each rule's name is what a
 * violation reports; its comment says why the rule exists. The tree keeps every rule: there is no
 * list of tolerated exceptions.
 */

/** Entries through which src/ may use firmware-bridge; everything else in it is internal. */
const BRIDGE_ENTRIES = [
  '^firmware-bridge/index\\.ts$',
  '^firmware-bridge/transports/index\\.ts$',
  '^firmware-bridge/escpos/index\\.ts$',
  '^firmware-bridge/raster/index\\.ts$',
  '^firmware-bridge/line-splitter\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'A cycle makes two modules one: neither can be understood, tested or moved alone. A cycle ' +
        'closed only by a type import does not exist at run time and is allowed.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'wire-only-in-transports',
      severity: 'error',
      comment:
        'Only the transport layer opens ports and sockets (serialport, net); the layers above get a ' +
        'byte pipe and never know which. The simulator has its own listening endpoints. A type-only ' +
        'import (net.Socket in a signature) opens nothing; the configuration uses net.isIP to check an address.',
      from: {
        pathNot: [
          '^firmware-bridge/transports/',
          '^hardware-sim/(pty|tcp)-endpoint\\.ts$',
          '^src/config/validate\\.ts$',
          '^test/',
        ],
      },
      to: {
        dependencyTypesNot: ['type-only'],
        path: ['^net$', '^node:net$', 'node_modules/serialport/', 'node_modules/@serialport/'],
      },
    },
    {
      name: 'fastify-only-in-http',
      severity: 'error',
      comment: 'HTTP is a shell around the services: no other layer may depend on fastify.',
      from: { pathNot: ['^src/http/', '^test/'] },
      to: { path: ['node_modules/fastify/', 'node_modules/@fastify/'] },
    },
    {
      name: 'sqlite-only-in-store',
      severity: 'error',
      comment: 'The store owns the database: migrations, prepared statements and transactions live there.',
      from: { pathNot: ['^src/store/', '^test/'] },
      to: { path: ['node_modules/better-sqlite3/'] },
    },
    {
      name: 'bridge-through-its-entries',
      severity: 'error',
      comment:
        'src/ uses firmware-bridge only through index.ts and the named subpath entries, so the ' +
        "driver's and dialects' internals can change without touching the daemon.",
      from: { path: '^src/' },
      to: { path: '^firmware-bridge/', pathNot: BRIDGE_ENTRIES },
    },
    {
      name: 'domain-imports-only-itself',
      severity: 'error',
      comment:
        "The domain's rules are plain functions over plain data: they import other domain files and " +
        "Node's built-ins (crypto) only, so they are tested without a database, a board or a server.",
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'config-not-http-or-notify',
      severity: 'error',
      comment: 'Configuration is read below the layers it configures; it must not import them.',
      from: { path: '^src/config/' },
      to: { path: ['^src/http/', '^src/notify/'] },
    },
    {
      name: 'simulator-not-driver',
      severity: 'error',
      comment:
        'The simulator parses the host with the shared codecs and never uses the driver or the ' +
        'transports, so a driver bug cannot hide behind the same bug in the simulator.',
      from: { path: '^hardware-sim/' },
      to: {
        path: ['^firmware-bridge/driver/', '^firmware-bridge/transports/', '^firmware-bridge/index\\.ts$'],
      },
    },
    {
      name: 'simulator-not-daemon',
      severity: 'error',
      comment: 'The simulator stands in for hardware; it imports nothing of the daemon (src/).',
      from: { path: '^hardware-sim/' },
      to: { path: '^src/' },
    },
    {
      name: 'simulator-only-in-demo',
      severity: 'error',
      comment: 'src/ reaches the simulator only where the demo is composed (src/demo/).',
      from: { path: '^src/', pathNot: '^src/demo/' },
      to: { path: '^hardware-sim/' },
    },
    {
      name: 'bridge-not-above',
      severity: 'error',
      comment:
        'firmware-bridge is the bottom of the picture: it imports neither the daemon nor the simulator.',
      from: { path: '^firmware-bridge/' },
      to: { path: ['^src/', '^hardware-sim/'] },
    },
    {
      name: 'codecs-not-driver',
      severity: 'error',
      comment: 'Codecs are pure transformers: no driver, no transport, no I/O.',
      from: {
        path: [
          '^firmware-bridge/(line|kerong|escpos|raster)/',
          '^firmware-bridge/(line-splitter|codec|crc16)\\.ts$',
        ],
      },
      to: { path: ['^firmware-bridge/driver/', '^firmware-bridge/transports/'] },
    },
    {
      name: 'transports-not-above',
      severity: 'error',
      comment: 'A transport moves bytes; it knows no protocol and no driver.',
      from: { path: '^firmware-bridge/transports/' },
      to: { path: '^firmware-bridge/', pathNot: '^firmware-bridge/transports/' },
    },
    {
      name: 'store-not-above',
      severity: 'error',
      comment: 'The store serves the ledger and the services; it never calls back up into them.',
      from: { path: '^src/store/' },
      to: { path: ['^src/(ledger|kiosk|http|daemon|demo|devices|notify|config)/', '^src/daemon\\.ts$'] },
    },
    {
      name: 'ledger-not-above',
      severity: 'error',
      comment: 'The ledger is called by the services and HTTP, never the other way.',
      from: { path: '^src/ledger/' },
      to: { path: ['^src/(kiosk|http|daemon|demo|config)/', '^src/daemon\\.ts$'] },
    },
    {
      name: 'services-not-http',
      severity: 'error',
      comment: 'The application services serve every front end; HTTP is one of them and sits above.',
      from: { path: '^src/kiosk/' },
      to: { path: ['^src/(http|daemon|demo)/', '^src/daemon\\.ts$'] },
    },
    {
      name: 'http-through-services',
      severity: 'error',
      comment: 'Routes call application services; they do not write the store themselves.',
      from: { path: '^src/http/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'http-only-from-the-root',
      severity: 'error',
      comment: 'HTTP is the top of the server: only the composition root (and the demo it starts) uses it.',
      from: { path: '^src/', pathNot: ['^src/(http|daemon|demo|pages)/', '^src/daemon\\.ts$'] },
      to: { path: '^src/http/' },
    },
    {
      name: 'http-through-its-entry',
      severity: 'error',
      comment:
        'The composition root builds HTTP through src/http/index.ts; the types it passes in belong to ' +
        'the layers that define them, not to an HTTP file.',
      from: { path: ['^src/(daemon|demo)/', '^src/daemon\\.ts$'] },
      to: { path: '^src/http/', pathNot: '^src/http/index\\.ts$' },
    },
    {
      name: 'pages-only-pages',
      severity: 'error',
      comment: 'The pages run in the browser and speak HTTP only; they import nothing of the server.',
      from: { path: '^src/pages/' },
      to: { path: '^(src|firmware-bridge|hardware-sim)/', pathNot: '^src/pages/' },
    },
    {
      name: 'composition-root-is-a-root',
      severity: 'error',
      comment: 'Nothing in the product imports the composition root; it imports everything.',
      from: { path: '^(src|firmware-bridge|hardware-sim)/', pathNot: '^src/main\\.ts$' },
      to: { path: ['^src/daemon\\.ts$', '^src/main\\.ts$'] },
    },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'Test helpers are for tests; production code never imports them.',
      from: { path: '^(src|firmware-bridge|hardware-sim)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    // Type-only imports are dependencies too: a domain file borrowing the driver's types is bound
    // to the driver as surely as one calling it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // node_modules is reported as node_modules/..., even where it is a link to a shared install.
    preserveSymlinks: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|var)/' },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
