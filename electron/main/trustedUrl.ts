// The one origin the API may be called from. Compared by parsed protocol and host, never by string
// prefix: 'http://localhost:5173' is a prefix of 'http://localhost:5173.evil.example/'.
export const APP_SCHEME = 'app'
export const APP_HOST = 'custos'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Accepts URLs of the app's own origin, or of the dev server's origin when one is given (unpackaged only). */
export function trustedUrlCheck(devUrl?: string): (url: string) => boolean {
  const expected = devUrl ? parse(devUrl) : parse(`${APP_ORIGIN}/`)
  if (!expected) throw new Error(`Not a URL: ${devUrl}`)
  return (url) => {
    const actual = parse(url)
    return (
      actual !== undefined &&
      actual.protocol === expected.protocol &&
      actual.host === expected.host &&
      actual.username === '' &&
      actual.password === ''
    )
  }
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}
