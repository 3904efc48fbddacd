/**
 * The one home of process-wide state (the sandbox provider, terminals, throttle, event bus, pool,
 * watchers ...). Next's production build copies a module into every server chunk that imports it
 * (the tRPC route, the background worker started from instrumentation, the RSC and SSR layers), so
 * a module-level `let` or `Map` exists once per chunk, not once per process: the worker's sandbox
 * provider was not the route's, and its idle timer killed sandboxes the route kept alive. Values
 * kept here live on `globalThis` under a `Symbol.for` key, which every copy of this module resolves
 * to the same slot.
 */
const slotOf = (name: string) => Symbol.for(`aura.${name}`);

type Slots = Record<symbol, unknown>;
const slots = globalThis as unknown as Slots;

/** The process's one `name`, created by `create` on first use (whichever chunk asks first). */
export function processSingleton<T>(name: string, create: () => T): T {
  const slot = slotOf(name);
  if (!(slot in slots)) slots[slot] = create();
  return slots[slot] as T;
}

/** The process's `name` if something created it, without creating it. */
export function peekSingleton<T>(name: string): T | undefined {
  return slots[slotOf(name)] as T | undefined;
}

/** Forgets `name` (after its owner closed it), so the next use creates a fresh one; returns what was there. */
export function dropSingleton<T>(name: string): T | undefined {
  const slot = slotOf(name);
  const value = slots[slot] as T | undefined;
  delete slots[slot];
  return value;
}

/**
 * A stable token for an object, the same from every chunk: diagnostics compare what two entry
 * points (the worker, a route) hold without exposing the object itself.
 */
export function identityOf(value: object): string {
  const ids = processSingleton('registry.identities', () => ({ next: 0, byObject: new WeakMap<object, string>() }));
  let id = ids.byObject.get(value);
  if (!id) {
    id = `${++ids.next}`;
    ids.byObject.set(value, id);
  }
  return id;
}
