import { i18next } from './i18n'

const t = (key: string, values?: Record<string, unknown>) => i18next.t(key, values ?? {})
const locale = () => i18next.language || 'en'

/** A date in the person's language and its conventions: 4.12.2026, 04/12/2026, 12/4/2026. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso))
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

/** A month as issuers write it (2026-11) in the person's words: "November 2026". */
export function formatMonth(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period)
  if (!match) return period
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15))
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value)
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/

/** P7Y → "7 years" / "7 Jahre"; text that is no such duration is shown as the requester wrote it. */
export function formatDuration(duration: string | undefined): string {
  if (!duration) return t('common.notStated')
  const match = DURATION.exec(duration)
  if (!match || duration === 'P') return duration
  const [years, months, days] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)))
  const parts = [
    years ? t('duration.years', { count: years }) : '',
    months ? t('duration.months', { count: months }) : '',
    days ? t('duration.days', { count: days }) : '',
  ].filter(Boolean)
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(parts)
}

export function formatList(items: string[]): string {
  return new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items)
}

/** `grossYearlyIncome` → "Gross yearly income": a readable fallback for a name no catalogue has. */
function spelledOut(identifier: string): string {
  const words = identifier
    .replace(/^.*[#/:]/, '')
    .replace(/[_-]/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function label(group: string, id: string): string {
  const key = `labels.${group}.${id}`
  return i18next.exists(key) ? t(key) : spelledOut(id)
}

/** The most specific type of a credential (the last that is not the generic VerifiableCredential). */
export function kindOf(types: readonly string[]): string {
  return types.filter((type) => type !== 'VerifiableCredential').at(-1) ?? 'Credential'
}

export const typeLabel = (types: readonly string[] | string) =>
  label('types', typeof types === 'string' ? types : kindOf(types))
/** A claim by name; a dotted one (`address.city`) is read part by part. */
export const claimLabel = (claim: string) =>
  i18next.exists(`labels.claims.${claim}`)
    ? t(`labels.claims.${claim}`)
    : claim
        .split('.')
        .map((part) => label('claims', part))
        .join(' › ')
export const purposeLabel = (purpose: string) => label('purposes', purpose)
export const roleLabel = (role: string) => label('roles', role)
