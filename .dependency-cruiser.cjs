/** Dependency rules of ARCHITECTURE.md: which module may import which. */
const PURE = '^src/(policy|sigv4|protocol)/'
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-only-node',
      comment: 'kernel imports only node: built-ins',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { pathNot: ['^src/kernel/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'pure-modules-stay-pure',
      comment: 'policy, sigv4 and protocol import only kernel (and models for protocol), no I/O',
      severity: 'error',
      from: { path: PURE },
      to: {
        pathNot: ['^src/kernel/', '^src/models/', '^src/$1/', '^node_modules/jsonc-parser/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'pure-modules-no-io-builtins',
      comment: 'pure modules use no fs, net, http, child_process or worker built-ins',
      severity: 'error',
      from: { path: PURE },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|node:fs|net|node:net|http|node:http|https|node:https|child_process|node:child_process|worker_threads|node:worker_threads|dgram|node:dgram)',
      },
    },
    {
      name: 'catalog-boundaries',
      severity: 'error',
      from: { path: '^src/catalog/' },
      to: { path: '^src/(services|server|store|rosa|cli|console)/' },
    },
    {
      name: 'services-no-server-or-adapters',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: ['^src/server/', '^src/store/(sqlite|postgres)/', '^src/(rosa|cli|console)/'] },
    },
    {
      name: 'store-adapters-independent',
      severity: 'error',
      from: { path: '^src/store/(sqlite|postgres)/' },
      to: { path: ['^src/services/', '^src/server/'] },
    },
    {
      name: 'sqlite-not-postgres',
      severity: 'error',
      from: { path: '^src/store/sqlite/' },
      to: { path: '^src/store/postgres/' },
    },
    {
      name: 'postgres-not-sqlite',
      severity: 'error',
      from: { path: '^src/store/postgres/' },
      to: { path: '^src/store/sqlite/' },
    },
    {
      name: 'server-not-clients',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(rosa|console|cli)/' },
    },
    {
      name: 'clients-not-internals',
      comment: 'rosa and cli talk to the server through the client or the AWS SDK',
      severity: 'error',
      from: { path: '^src/(rosa|cli)/' },
      to: { path: ['^src/store/', '^src/services/'] },
    },
    {
      name: 'through-index-only',
      comment: 'another module is imported only through its index.ts',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/.+',
        pathNot: [
          '^src/$1/',
          '^src/[^/]+/index\\.ts$',
          '^src/kernel/',
          '^src/models/',
          '^src/services/[^/]+/index\\.ts$',
          '^src/store/(ports|sqlite|postgres)/index\\.ts$',
        ],
      },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
}
