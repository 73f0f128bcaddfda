import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'

import de from '../../renderer/src/i18n/locales/de.json'
import en from '../../renderer/src/i18n/locales/en.json'
import nl from '../../renderer/src/i18n/locales/nl.json'

type Catalogue = { [key: string]: string | Catalogue }

function flatten(catalogue: Catalogue, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalogue).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  )
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }> }

// The arguments a message takes ({name}, {count, plural, …}), read from its parsed form.
function names(elements: Element[]): string[] {
  return elements.flatMap((element) => [
    // 0 is literal text and 7 the `#` of a plural: neither is an argument.
    ...(element.type !== 0 && element.type !== 7 && element.value ? [element.value] : []),
    ...Object.values(element.options ?? {}).flatMap((option) => names(option.value)),
  ])
}

function placeholders(message: string): string[] {
  return [...new Set(names(new IntlMessageFormat(message, 'en').getAst() as Element[]))].sort()
}

const english = flatten(en)
const german = flatten(de)
const translations = { de: german, nl: flatten(nl) }
// Words that are the same in both languages, or names.
const SAME_IN_BOTH = new Set([
  'Name',
  'IBAN',
  'Bank',
  'Details',
  'Marketing',
  'Passphrase',
  '{type} ({claims})',
  'Start',
  'Menu',
  'Postcode',
  'document',
  'Document {name}',
])

describe('the message catalogues', () => {
  it('German and Dutch have every English message, and no other', () => {
    for (const messages of Object.values(translations)) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort())
    }
  })

  it('every message is valid ICU MessageFormat and formats with its placeholders', () => {
    for (const [language, messages] of Object.entries({ en: english, ...translations })) {
      for (const [key, message] of Object.entries(messages)) {
        const values = Object.fromEntries(placeholders(message).map((name) => [name, 2]))
        expect(() => new IntlMessageFormat(message, language).format(values), `${language} ${key}`).not.toThrow()
      }
    }
  })

  it('each German and Dutch message takes the placeholders of its English one and is translated', () => {
    for (const [language, messages] of Object.entries(translations)) {
      for (const [key, message] of Object.entries(english)) {
        expect(placeholders(messages[key]), `${language} ${key}`).toEqual(placeholders(message))
        if (!SAME_IN_BOTH.has(message)) expect(messages[key], `${language} ${key}`).not.toBe(message)
      }
    }
  })

  it('plurals follow the language: one and other', () => {
    const format = (message: string, count: number) => new IntlMessageFormat(message, 'de').format({ count })
    expect(format(german['duration.years'], 7)).toBe('7 Jahre')
    expect(format(german['duration.years'], 1)).toBe('1 Jahr')
    expect(new IntlMessageFormat(english['home.waitingCount'], 'en').format({ count: 1 })).toBe(
      '1 request waits for your decision.',
    )
  })
})
