export { AppDatabaseToken, appDatabaseOf } from './appDatabaseOf'
export { openAppDatabase, type AppDatabase, type OpenedAppDatabase } from './openAppDatabase'
export * as appSchema from './schema'
