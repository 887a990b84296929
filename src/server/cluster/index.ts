export { isListeningMessage, reportListening, type WorkerListening } from './listening.js'
export { ClusterPrimary } from './primary.js'
