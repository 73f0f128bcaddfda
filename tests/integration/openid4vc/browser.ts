/**
 * The person's browser, played with plain HTTP: follows redirects keeping cookies, fills the login form
 * of the authorization server's sign-in page (any login, any password) and presses its buttons, until a
 * page answers without a redirect: the loopback's own page at the end, or the server's error page.
 * With `abort`, the person presses "cancel" on the sign-in page instead (access_denied comes back);
 * with `holdRedirectTo` (a path), it stops at the redirect to it and returns it unvisited.
 */
export async function signInWithBrowser(
  start: string,
  options: { login?: string; abort?: boolean; holdRedirectTo?: string } = {},
): Promise<{ status: number; text: string; url: string; visited: string[] }> {
  const cookies = new Map<string, string>()
  let url = start
  let body: URLSearchParams | undefined
  const visited: string[] = []
  for (let step = 0; step < 20; step++) {
    visited.push(url)
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    body = undefined
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).toString()
      // Stops before the way back, so the test can send something else there first.
      if (options.holdRedirectTo && new URL(url).pathname === options.holdRedirectTo)
        return { status: 0, text: '', url, visited }
      continue
    }
    const text = await response.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1]
    if (!action) return { status: response.status, text, url, visited }
    const abortUrl = /<a href="([^"]+\/abort)"/.exec(text)?.[1]
    if (options.abort && abortUrl) {
      url = new URL(abortUrl.replaceAll('&amp;', '&'), url).toString()
      continue
    }
    body = new URLSearchParams()
    for (const [, name, value] of text.matchAll(/<input[^>]*type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
      body.set(name, value)
    }
    if (/name="login"/.test(text)) {
      body.set('login', options.login ?? 'erika')
      body.set('password', 'any')
    }
    url = new URL(action.replaceAll('&amp;', '&'), url).toString()
  }
  throw new Error(`the sign-in did not end: ${visited.join(' → ')}`)
}
