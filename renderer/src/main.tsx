import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App'
import { setUpI18n } from './i18n/i18n'
import './styles/theme.css'
import './styles/layout.css'
import './styles/controls.css'
import { forgetSignInToken } from './webBridgeClient'

void forgetSignInToken()
setUpI18n()
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
