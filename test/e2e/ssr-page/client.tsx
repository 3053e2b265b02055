import { StrictMode, useEffect } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { Sessions, type PageData } from './sessions.js'

const data = JSON.parse(document.getElementById('page-data')!.textContent!) as PageData
const root = document.documentElement

// What the tests read: hydration finished, React's recoverable errors, and whether a return came from the page cache.
function Hydrated() {
  useEffect(() => {
    root.dataset.hydrated = 'true'
  }, [])
  return null
}
addEventListener('pageshow', (event) => {
  root.dataset.fromPageCache = String(event.persisted)
})

hydrateRoot(
  document.getElementById('root')!,
  <StrictMode>
    <Sessions {...data} />
    <Hydrated />
  </StrictMode>,
  { onRecoverableError: (error) => console.error('Recoverable hydration error:', error) },
)
