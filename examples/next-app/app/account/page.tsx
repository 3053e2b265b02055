import { loadListing } from '@/lib/firehose'
import { SignedInListing } from './signed-in-listing'

export default async function AccountPage() {
  return <SignedInListing rows={await loadListing()} renderedAt={Date.now()} />
}
