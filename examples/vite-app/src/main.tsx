import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Listing } from './listing'
import { sessionRows } from './sessions'
import { SignedInListing } from './signed-in-listing'

const Page = location.pathname === '/account' ? SignedInListing : Listing

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>{location.pathname === '/account' ? 'Your sessions' : 'Sessions'}</h1>
      <nav>
        <a href="/">Sessions</a> · <a href="/account">Signed in</a>
      </nav>
      <Page rows={sessionRows()} />
    </main>
  </StrictMode>,
)
