const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/

/**
 * An ISO 8601 duration of years, months and days in mean days (a year is 365.2425, a month a twelfth
 * of it), so P12M and P1Y compare equal. Undefined when it is not such a duration.
 */
export function durationDays(duration: string): number | undefined {
  const match = DURATION.exec(duration)
  if (!match || duration === 'P') return undefined
  const [years, months, days] = match.slice(1).map((part) => Number(part ?? 0))
  return years * 365.2425 + months * (365.2425 / 12) + days
}

/** The instant `duration` before `at`, for the start of a frequency window. */
export function instantBefore(at: string, duration: string): string {
  const days = durationDays(duration)
  if (days === undefined) throw new Error(`not an ISO 8601 duration: ${duration}`)
  return new Date(Date.parse(at) - days * 86_400_000).toISOString()
}
