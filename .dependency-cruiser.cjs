// The layers of the house and the way they point (docs/architecture.md, "Layers and the boundaries a
// machine checks"). `npm run lint` runs `depcruise` with this file over app, components, db and lib, and
// fails on any breach; tests/lint/layers.test.ts proves each rule bites on a fixture tree.
// Type-only imports count: a layer that names another's types depends on it.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: a cycle has no layer that comes first.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-imports-only-the-vocabulary',
      severity: 'error',
      comment:
        "db/ takes nothing from lib/ but lib/vocabulary.ts: its queries own their row types, and lib/ maps them to the engine's.",
      from: { path: '^db/' },
      to: { path: '^lib/', pathNot: '^lib/vocabulary\\.ts$' },
    },
    {
      name: 'engine-knows-no-api',
      severity: 'error',
      comment:
        'lib/customers (the engine) imports nothing from lib/api: it answers its own types, and lib/api maps them to the wire.',
      from: { path: '^lib/customers/' },
      to: { path: '^lib/api/' },
    },
    {
      name: 'vocabulary-imports-nothing',
      severity: 'error',
      comment: 'lib/vocabulary.ts imports nothing: the browser, the proxy and db/ load it without pulling anything in.',
      from: { path: '^lib/vocabulary\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    // Type-only imports are dependencies too (as `import type` is for a reader).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
