import type { DifPresentationExchangeDefinition } from '@credo-ts/core'

interface Requirement {
  rule: 'all' | 'pick'
  count?: number
  min?: number
  max?: number
  from?: string
  from_nested?: Requirement[]
}

type Descriptor = { id: string; group?: string[] }

/**
 * Which answers a presentation definition allows (DIF Presentation Exchange 2.0, "Submission
 * Requirements"). Without `submission_requirements` every input descriptor must be answered, so a
 * subset is not a valid submission and a conforming verifier refuses it; with them, each requirement
 * (`all`, or `pick` with count/min/max, from a group or nested requirements) must hold of what is sent.
 */
export function allowsSubmission(definition: DifPresentationExchangeDefinition, kept: readonly string[]): boolean {
  const descriptors = definition.input_descriptors as Descriptor[]
  const requirements = (definition as { submission_requirements?: Requirement[] }).submission_requirements
  if (!requirements?.length) return descriptors.every((descriptor) => kept.includes(descriptor.id))
  return requirements.every((requirement) => holds(requirement, descriptors, kept))
}

/** The descriptors the definition lets a person leave out on their own (everything else kept). */
export function omittable(definition: DifPresentationExchangeDefinition): Set<string> {
  const ids = definition.input_descriptors.map((descriptor) => descriptor.id)
  return new Set(
    ids.filter((id) =>
      allowsSubmission(
        definition,
        ids.filter((other) => other !== id),
      ),
    ),
  )
}

function holds(requirement: Requirement, descriptors: Descriptor[], kept: readonly string[]): boolean {
  let total: number
  let answered: number
  if (requirement.from_nested) {
    total = requirement.from_nested.length
    answered = requirement.from_nested.filter((nested) => holds(nested, descriptors, kept)).length
  } else {
    const inGroup = descriptors.filter((descriptor) => descriptor.group?.includes(requirement.from ?? ''))
    total = inGroup.length
    answered = inGroup.filter((descriptor) => kept.includes(descriptor.id)).length
  }
  if (requirement.rule === 'all') return answered === total
  if (requirement.count !== undefined && answered !== requirement.count) return false
  if (requirement.min !== undefined && answered < requirement.min) return false
  if (requirement.max !== undefined && answered > requirement.max) return false
  return true
}
