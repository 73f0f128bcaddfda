// An imitation of what Electron's contextBridge does to values passing between the preload's isolated
// world and the page, after the table "Parameter / Error / Return Type support" in Electron's docs:
// https://www.electronjs.org/docs/latest/api/context-bridge#parameter--error--return-type-support
//   - Object: own keys and values are copied; the prototype (a class) is not.
//   - Error: copied with its message; "any custom properties on the Error object will be lost".
//     A thrown (or rejected) error is rebuilt in the other world the same way.
//   - Promise: proxied when it is the return value; nested promises are dropped.
//   - Function: proxied, its arguments and results copied again on each call.
// Electron's binary cannot be installed here, so this stands in for the real bridge in tests.

type Fn = (...args: unknown[]) => unknown

export function acrossTheBridge(value: unknown, topLevel = true): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' ? proxyFunction(value as Fn) : value
  }
  if (value instanceof Error) return new Error(value.message)
  if (value instanceof Promise) {
    // The page sees a promise in its own world; a rejection arrives as a rebuilt Error.
    return topLevel
      ? value.then(
          (v) => acrossTheBridge(v),
          (error) => Promise.reject(thrownAcross(error)),
        )
      : undefined
  }
  if (Array.isArray(value)) return value.map((item) => acrossTheBridge(item, false))
  if (value instanceof Uint8Array || value instanceof Date) return structuredClone(value)
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, item]) =>
      item instanceof Promise ? [] : [[key, acrossTheBridge(item, false)]],
    ),
  )
}

function proxyFunction(fn: Fn): Fn {
  return (...args) => {
    let result: unknown
    try {
      result = fn(...args.map((arg) => acrossTheBridge(arg)))
    } catch (error) {
      throw thrownAcross(error)
    }
    return acrossTheBridge(result)
  }
}

// A thrown Error is rebuilt from its message; anything else thrown is copied like any other value.
function thrownAcross(error: unknown): unknown {
  return error instanceof Error ? new Error(error.message) : acrossTheBridge(error, false)
}
