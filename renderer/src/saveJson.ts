/** Hands `value` to the browser (or the desktop shell's download) as a JSON file named `name`. */
export function saveJson(name: string, value: unknown): void {
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/ld+json' }))
  link.download = name
  link.click()
  // The click has handed the file over; the page's copy can go.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000)
}
