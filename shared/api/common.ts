import { z } from 'zod'

/** Record ids as the node hands them out; anything longer is not one of ours. */
export const idSchema = z.string().min(1).max(200)

export const noInput = z.void()
