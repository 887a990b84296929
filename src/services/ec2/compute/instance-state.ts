/** An instance's lifecycle state names, as EC2 reports them. */
export type InstanceStateName =
  | 'pending'
  | 'running'
  | 'shutting-down'
  | 'terminated'
  | 'stopping'
  | 'stopped'

/** AWS: the `Code` of each state (the low byte of the documented 16-bit value). */
export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
}

/** The state an instance was put in by a request, and when. */
export interface StoredState {
  readonly name: InstanceStateName
  /** Epoch milliseconds of the transition. */
  readonly since: number
}

/** How long the transient states last before the instance reaches the next one. */
export interface StateTimings {
  readonly pendingMs: number
  readonly stoppingMs: number
  readonly shuttingDownMs: number
  /** AWS: a terminated instance stays visible for about an hour. */
  readonly terminatedVisibleMs: number
}

/** Lanyard's default timings: a few seconds per transition. */
export const DEFAULT_TIMINGS: StateTimings = {
  pendingMs: 5_000,
  stoppingMs: 5_000,
  shuttingDownMs: 5_000,
  terminatedVisibleMs: 3_600_000,
}

const NEXT: Partial<Record<InstanceStateName, { next: InstanceStateName; after: keyof StateTimings }>> = {
  pending: { next: 'running', after: 'pendingMs' },
  stopping: { next: 'stopped', after: 'stoppingMs' },
  'shutting-down': { next: 'terminated', after: 'shuttingDownMs' },
}

/**
 * The state an instance is in at `now`: a transient state advances once its duration has passed
 * since the transition was requested. Computed on read, so nothing has to run in the background.
 */
export function currentState(
  stored: StoredState,
  now: number,
  timings: StateTimings = DEFAULT_TIMINGS,
): StoredState {
  const step = NEXT[stored.name]
  if (step === undefined) return stored
  const at = stored.since + timings[step.after]
  return now >= at ? { name: step.next, since: at } : stored
}

/** Whether a terminated instance has dropped out of Describe answers at `now`. */
export function isExpired(state: StoredState, now: number, timings: StateTimings = DEFAULT_TIMINGS): boolean {
  return state.name === 'terminated' && now - state.since >= timings.terminatedVisibleMs
}

/** Whether an instance in this state uses capacity (counts against the running-instance quotas). */
export function countsAgainstQuota(name: InstanceStateName): boolean {
  return name === 'pending' || name === 'running' || name === 'stopping' || name === 'shutting-down'
}

/** The `InstanceState` shape. */
export function stateShape(name: InstanceStateName): { Code: number; Name: InstanceStateName } {
  return { Code: STATE_CODES[name], Name: name }
}
