export const screens = [
  { id: 'home' },
  { id: 'connections' },
  { id: 'data' },
  { id: 'requests' },
  { id: 'policies' },
  { id: 'agreements' },
  { id: 'household' },
  { id: 'history' },
  { id: 'settings' },
] as const

export type ScreenId = (typeof screens)[number]['id']
