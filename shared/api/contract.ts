import type { z } from 'zod'

/**
 * One method of the API contract: the zod schema its input must pass (the node applies it, since every
 * input crosses a trust boundary) and the type of what it returns. `output` is never read at run time;
 * it carries the type so the contract, the node's Api classes and the renderer's client agree.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I
  readonly output: O
}

export type Contract = Record<string, MethodSpec>

/** `method<Output>()(inputSchema)`: two calls, so the output is named and the input type is inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input, output: undefined as O })
}

type MethodName<M> = M extends `${string}.${infer Name}` ? Name : never

/**
 * What a capability's Api class implements for its part of the contract: `selfDeclared.put` becomes
 * `put(input)`, taking the input as the schema parsed it.
 */
export type ContractApi<C extends Contract> = {
  [M in keyof C & string as MethodName<M>]: (input: z.output<C[M]['input']>) => Promise<C[M]['output']>
}
