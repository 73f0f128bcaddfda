export const screens = [
  { id: 'home', title: 'Home' },
  { id: 'connections', title: 'Connections' },
  { id: 'data', title: 'My data' },
  { id: 'requests', title: 'Requests' },
  { id: 'policies', title: 'Policies' },
  { id: 'history', title: 'History' },
  { id: 'settings', title: 'Settings' },
] as const

export type ScreenId = (typeof screens)[number]['id']
