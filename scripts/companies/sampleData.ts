// Generated people for the sample companies: made-up names, streets and numbers, never real persons.
const GIVEN = ['Anouk', 'Bram', 'Carmen', 'Daan', 'Esra', 'Floris', 'Greet', 'Hidde', 'Iris', 'Jelle']
const FAMILY = ['Zandvoort', 'Ypenburg', 'Wielstra', 'Vermaat', 'Terlouw', 'Scheltema', 'Reijnders', 'Quist']
const STREETS = ['Lindelaan', 'Kastanjehof', 'Molenweg', 'Beukenstraat', 'Havenkade', 'Sluisplein']
const CITIES = ['Oostermeer', 'Westerveld', 'Noordwolde', 'Zuidhaven', 'Middelburcht']
const EMPLOYERS = ['Acme Dredging BV', 'Polder Software BV', 'Tulip Logistics BV']

export interface SamplePerson {
  name: string
  dateOfBirth: string
  address: { street: string; postcode: string; city: string }
  employer: string
  grossYearlyIncome: number
  employedSince: string
  iban: string
}

/** A small deterministic generator (mulberry32), so a seed always gives the same person. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function samplePerson(seed = 1): SamplePerson {
  const next = generator(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pad = (value: number) => String(value).padStart(2, '0')
  const letters = () => String.fromCharCode(65 + int(0, 25), 65 + int(0, 25))
  return {
    name: `${pick(GIVEN)} ${pick(FAMILY)}`,
    dateOfBirth: `${int(1965, 2000)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
    address: {
      street: `${pick(STREETS)} ${int(1, 180)}`,
      postcode: `${int(1000, 9999)} ${letters()}`,
      city: pick(CITIES),
    },
    employer: pick(EMPLOYERS),
    grossYearlyIncome: int(32, 120) * 1000,
    employedSince: `${int(2005, 2022)}-${pad(int(1, 12))}-01`,
    // "CUST" is no bank code: the number is visibly a sample.
    iban: `NL00CUST${String(int(0, 9999999999)).padStart(10, '0')}`,
  }
}

/** Whole years between a date of birth and `today` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number)
  const [ty, tm, td] = today.split('-').map(Number)
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}
