/** The baseline of an app that already uses React Query: it loads the listing with `useQuery`, then shows plain links. */
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import { PlainLinks, fetchListing } from '../listing.js'

function Listing() {
  const { data: sessions = [] } = useQuery({ queryKey: ['sessions'], queryFn: fetchListing })
  return <PlainLinks sessions={sessions} />
}

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={new QueryClient()}>
    <Listing />
  </QueryClientProvider>,
)
