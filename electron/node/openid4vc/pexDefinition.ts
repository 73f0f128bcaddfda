import type { DifPresentationExchangeDefinition } from '@credo-ts/core'

/** The parts of a DIF presentation definition (v1 or v2) the node reads. */
interface Field {
  path: string[]
  optional?: boolean
}
export interface InputDescriptor {
  id: string
  format?: Record<string, unknown>
  constraints?: { limit_disclosure?: string; fields?: Field[] }
}
interface Definition {
  id: string
  format?: Record<string, unknown>
  input_descriptors: InputDescriptor[]
}

const FINAL = 'dc+sd-jwt'
const DRAFT = 'vc+sd-jwt'

const descriptorsOf = (definition: DifPresentationExchangeDefinition) =>
  (definition as unknown as Definition).input_descriptors

/**
 * A format object with OpenID4VP 1.0's name for SD-JWT VCs, `dc+sd-jwt`, read under the drafts' name,
 * `vc+sd-jwt`: the same credential (SD-JWT VC, draft 06 renamed its media type), which the PE library
 * knows only by its old name and refuses otherwise.
 */
function asDraftFormat(format: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!format || !(FINAL in format)) return format
  const { [FINAL]: sdJwt, ...rest } = format
  return { ...rest, [DRAFT]: rest[DRAFT] ?? sdJwt }
}

/** Whether the definition names SD-JWT VCs by the final name only (never by the drafts' one). */
export function namesFinalSdJwt(definition: DifPresentationExchangeDefinition): boolean {
  const { format } = definition as unknown as Definition
  const named = [format, ...descriptorsOf(definition).map((descriptor) => descriptor.format)]
  return named.some((each) => each !== undefined && FINAL in each) && !named.some((each) => each && DRAFT in each)
}

/** The definition with `dc+sd-jwt` read as `vc+sd-jwt` (see asDraftFormat); otherwise unchanged. */
export function readAsDraftSdJwt<T extends DifPresentationExchangeDefinition>(definition: T): T {
  const plainFormats = [(definition as unknown as Definition).format, ...descriptorsOf(definition).map((d) => d.format)]
  if (!plainFormats.some((each) => each !== undefined && FINAL in each)) return definition
  const plain = definition as unknown as Definition
  return {
    ...plain,
    ...(plain.format ? { format: asDraftFormat(plain.format) } : {}),
    input_descriptors: plain.input_descriptors.map((descriptor) =>
      descriptor.format ? { ...descriptor, format: asDraftFormat(descriptor.format) } : descriptor,
    ),
  } as unknown as T
}

/**
 * The definition as the node answers it: every input descriptor that names fields limits disclosure to
 * them (`limit_disclosure: required`), whatever the verifier wrote, so an SD-JWT VC discloses the asked
 * claims only. The verifier still checks the answer against its own definition, which this satisfies.
 */
export function minimised<T extends DifPresentationExchangeDefinition>(definition: T): T {
  const plain = definition as unknown as Definition
  return {
    ...plain,
    input_descriptors: plain.input_descriptors.map((descriptor) =>
      descriptor.constraints?.fields?.length
        ? { ...descriptor, constraints: { ...descriptor.constraints, limit_disclosure: 'required' } }
        : descriptor,
    ),
  } as unknown as T
}

/** `$.address.city`, `$['address']['city']` → `address.city`; `$.vc.credentialSubject.x` keeps its steps. */
export function claimOfPath(path: string): string {
  const steps = path
    .replace(/^\$/, '')
    .split(/\.|\[['"]?|['"]?\]/)
    .filter((step) => step !== '' && step !== '*' && !/^\d+$/.test(step))
  return steps.join('.')
}

/** The claims an input descriptor asks for (the first path of each field), `vct` and the like included. */
export function claimsOf(descriptor: InputDescriptor): string[] {
  return (descriptor.constraints?.fields ?? []).map((field) => claimOfPath(field.path[0] ?? '')).filter(Boolean)
}

export function inputDescriptors(definition: DifPresentationExchangeDefinition): InputDescriptor[] {
  return descriptorsOf(definition)
}
