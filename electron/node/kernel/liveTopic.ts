/** What the page is told changed; it then asks the API again, so no data rides on these events. */
export type LiveTopic =
  'vault' | 'connections' | 'selfDeclared' | 'mediation' | 'credentials' | 'requests' | 'decisions'
