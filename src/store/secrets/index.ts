export * from './master-key.js'
export * from './sealer.js'
