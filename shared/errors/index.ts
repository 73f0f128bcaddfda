// Error codes that cross the API boundary, and the typed errors the node throws with them.
export * from './CustosError'
export * from './backupErrors'
export * from './dataErrors'
export * from './storeErrors'
