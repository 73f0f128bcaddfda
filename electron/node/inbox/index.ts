export { InboxApi } from './InboxApi'
export { InboxModule } from './InboxModule'
