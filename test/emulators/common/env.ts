/**
 * Hono context variables the shared middleware reads or writes. Type your emulator app with
 * `new Hono<EmulatorEnv>()` (or intersect these Variables with your own) so `c.set('endpoint', …)`
 * and `c.set('user', …)` typecheck.
 */
export type EmulatorVariables = {
  /** Logical endpoint name, set by the route handler: `c.set('endpoint', 'events.list')`. */
  endpoint: string;
  /** The authenticated user, set by the emulator's auth middleware. */
  user: string;
  /** Id of the fault rule that answered this request (set by FaultInjector). */
  fault: string;
};

export type EmulatorEnv = { Variables: EmulatorVariables };

/** Paths under this prefix are the control API: never logged, never faulted. */
export const CONTROL_PREFIX = '/__emulator';

export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}
