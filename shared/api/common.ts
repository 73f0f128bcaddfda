import { z } from 'zod'

/** Record ids as the node hands them out; anything longer is not one of ours. */
export const idSchema = z.string().min(1).max(200)

export const noInput = z.void()

/** ISO 8601 durations in whole years, months or days (P7Y, P6M, P30D), the ones a retention is stated in. */
export const isoDurationSchema = z
  .string()
  .regex(/^P(?:\d{1,4}Y)?(?:\d{1,4}M)?(?:\d{1,5}D)?$/, 'An ISO 8601 duration such as P7Y or P30D.')
  .refine((value) => value !== 'P', 'An ISO 8601 duration such as P7Y or P30D.')
