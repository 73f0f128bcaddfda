import { apiContract, type ApiMethod } from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'
import { ownMessages } from '../platform/zodMessages'

/** Applies the contract's zod schema; the message names each field a person got wrong. */
export function validateInput(method: ApiMethod, input: unknown): unknown {
  const result = apiContract[method].input.safeParse(input, { error: ownMessages })
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  )
  throw new InvalidInputError(`Invalid input for ${method}. ${problems.join('; ')}`)
}
