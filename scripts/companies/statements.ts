import type { SamplePerson } from './sampleData'

export interface StatementLine {
  date: string
  description: string
  /** In cents; negative is money out. */
  amount: number
}

export interface SampleStatement {
  /** YYYY-MM */
  period: string
  iban: string
  accountHolder: string
  /** All holders of a joint account, in the bank's order; absent on a single holder's account. */
  accountHolders?: string[]
  openingBalance: number
  closingBalance: number
  lines: StatementLine[]
}

/** The `count` whole months before `today`, newest first, as YYYY-MM. */
export function lastMonths(count: number, today = new Date()): string[] {
  return Array.from({ length: count }, (_, index) => {
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1 - index, 1))
    return month.toISOString().slice(0, 7)
  })
}

/** A made-up month on a sample account: salary in, rent and groceries out. Deterministic per person and period. */
export function sampleStatement(person: SamplePerson, period: string): SampleStatement {
  const salary = Math.round((person.grossYearlyIncome * 100 * 0.72) / 12)
  const rent = -Math.round(salary * 0.31)
  const seed = Number(period.replace('-', '')) % 97
  const lines: StatementLine[] = [
    { date: `${period}-01`, description: 'Rent Kastanjehof Housing', amount: rent },
    { date: `${period}-05`, description: 'Groceries Sample Market', amount: -(8_000 + seed * 37) },
    { date: `${period}-12`, description: 'Energy Polder Power', amount: -(11_000 + seed * 11) },
    { date: `${period}-24`, description: `Salary ${person.employer}`, amount: salary },
    { date: `${period}-27`, description: 'Groceries Sample Market', amount: -(6_500 + seed * 23) },
  ]
  const openingBalance = 150_000 + seed * 1_000
  const closingBalance = lines.reduce((sum, line) => sum + line.amount, openingBalance)
  return { period, iban: person.iban, accountHolder: person.name, openingBalance, closingBalance, lines }
}

export function euros(cents: number): string {
  return `${cents < 0 ? '-' : ''}EUR ${(Math.abs(cents) / 100).toFixed(2)}`
}
