export { AppDbKeyRecord } from './AppDbKeyRecord'
export { loadOrCreateAppDbKey } from './loadOrCreateAppDbKey'
