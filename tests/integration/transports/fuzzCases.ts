import { SENTINEL } from './fixtures'
import { DIDCOMM, type RawRequest } from './rawClient'

/** A small seeded PRNG (mulberry32), so a failing case can be replayed from the seed in the test name. */
export function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max: number) => Math.floor(next() * max)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)))
  return { next, int, pick, bytes }
}

export type Random = ReturnType<typeof prng>

export interface FuzzSeeds {
  /** An envelope for the node under test (its inner message is invalid). */
  valid: string
  /** An envelope for someone else. */
  foreign: string
  limit: number
}

const JWE_FIELDS = ['protected', 'iv', 'ciphertext', 'tag'] as const
const WRONG_TYPES = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/didcomm-plain+json',
  'application/didcomm-envelope-encx',
  '',
]
const JSON_VALUES: unknown[] = [null, 0, -1, 1e308, true, 'str', [], {}, [SENTINEL], { protected: 1 }, { iv: [] }]

function mutate(random: Random, text: string): string {
  const at = 1 + random.int(Math.max(1, text.length - 2))
  switch (random.int(4)) {
    case 0:
      return text.slice(0, at) + String.fromCharCode(33 + random.int(90)) + text.slice(at + 1)
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + random.int(8))
    case 2:
      return text.slice(0, at) + random.pick(['"', '\\', '{', '}', '\u0000', '\uffff', '=']) + text.slice(at)
    default:
      return (
        text.slice(0, at) +
        text
          .slice(at, at + 16)
          .split('')
          .reverse()
          .join('') +
        text.slice(at + 16)
      )
  }
}

function mutateField(random: Random, valid: string): string {
  const jwe = JSON.parse(valid) as Record<string, unknown>
  const field = random.pick(JWE_FIELDS)
  switch (random.int(4)) {
    case 0:
      jwe[field] = mutate(random, String(jwe[field]))
      break
    case 1:
      jwe[field] = random.pick(JSON_VALUES)
      break
    case 2:
      delete jwe[field]
      break
    default: {
      const header = JSON.parse(Buffer.from(String(jwe.protected), 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >
      header[random.pick(['recipients', 'enc', 'alg', 'typ'])] = random.pick(JSON_VALUES)
      jwe.protected = Buffer.from(JSON.stringify(header)).toString('base64url')
    }
  }
  return JSON.stringify(jwe)
}

function deepJson(random: Random, limit: number): string {
  const depth = 1000 + random.int(Math.floor(limit / 8))
  if (random.int(2) === 0) return '['.repeat(depth) + ']'.repeat(depth)
  const nested = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
  // Half of them hide the nesting inside a well-formed envelope's protected header.
  if (random.int(2) === 0) return nested
  return JSON.stringify({
    protected: Buffer.from(nested.slice(0, limit / 2)).toString('base64url'),
    iv: 'A'.repeat(32),
    ciphertext: 'AAAA',
    tag: 'A'.repeat(22),
  })
}

/** One bad HTTP request, from one of ten families, each built to be refused with a 4xx. */
export function badHttpRequest(random: Random, seeds: FuzzSeeds): { family: string; request: RawRequest } {
  const family = random.pick([
    'random-bytes',
    'mutated-jwe',
    'mutated-field',
    'truncated',
    'wrong-json',
    'huge-headers',
    'deep-json',
    'content-type',
    'over-size',
    'method-path',
  ] as const)
  const body = (value: string | Buffer, headers: Record<string, string | number> = DIDCOMM): RawRequest => ({
    headers,
    body: value,
  })
  const base = random.int(2) === 0 ? seeds.valid : seeds.foreign
  switch (family) {
    case 'random-bytes':
      return { family, request: body(random.bytes(random.int(4096))) }
    case 'mutated-jwe':
      return { family, request: body(mutate(random, base)) }
    case 'mutated-field':
      return { family, request: body(mutateField(random, base)) }
    case 'truncated':
      return { family, request: body(base.slice(0, random.int(base.length))) }
    case 'wrong-json':
      return { family, request: body(JSON.stringify(random.pick(JSON_VALUES))) }
    case 'huge-headers':
      return { family, request: body(base, { ...DIDCOMM, 'X-Fuzz': 'h'.repeat(17 * 1024 + random.int(48 * 1024)) }) }
    case 'deep-json':
      return { family, request: body(deepJson(random, seeds.limit)) }
    case 'content-type': {
      const type = random.pick(WRONG_TYPES)
      return { family, request: body(base, type ? { 'Content-Type': type } : {}) }
    }
    case 'over-size': {
      const size = seeds.limit + 1 + random.int(3 * seeds.limit)
      const chunked = random.int(2) === 0
      return {
        family,
        request: body(Buffer.alloc(size, SENTINEL), chunked ? { ...DIDCOMM, 'Transfer-Encoding': 'chunked' } : DIDCOMM),
      }
    }
    default:
      return random.int(2) === 0
        ? {
            family,
            // Node's client sends a GET or DELETE body without a length unless told; say it, or it is two requests.
            request: {
              method: random.pick(['GET', 'PUT', 'DELETE', 'PATCH']),
              headers: { ...DIDCOMM, 'Content-Length': Buffer.byteLength(base) },
              body: base,
            },
          }
        : {
            family,
            request: { path: random.pick(['/x', '/admin', '//', '/%00', '/..%2f']), headers: DIDCOMM, body: base },
          }
  }
}

/** One bad WebSocket frame. */
export function badWsFrame(random: Random, seeds: FuzzSeeds): { family: string; frame: string | Buffer } {
  const family = random.pick([
    'random-bytes',
    'mutated-jwe',
    'truncated',
    'wrong-json',
    'deep-json',
    'over-size',
    'foreign',
  ] as const)
  switch (family) {
    case 'random-bytes':
      return { family, frame: random.bytes(1 + random.int(2048)) }
    case 'mutated-jwe':
      return { family, frame: random.int(2) === 0 ? mutate(random, seeds.valid) : mutateField(random, seeds.valid) }
    case 'truncated':
      return { family, frame: seeds.valid.slice(0, random.int(seeds.valid.length)) }
    case 'wrong-json':
      return { family, frame: JSON.stringify(random.pick(JSON_VALUES)) }
    case 'deep-json':
      return { family, frame: deepJson(random, seeds.limit) }
    case 'over-size':
      return { family, frame: Buffer.alloc(seeds.limit + 1 + random.int(seeds.limit), 'z') }
    default:
      return { family, frame: seeds.foreign }
  }
}
