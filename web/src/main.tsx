import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './shared/i18n/i18n.ts'
import './app/feature-catalogs.ts'
import { App } from './app/App.tsx'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
