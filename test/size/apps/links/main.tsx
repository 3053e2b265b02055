/** The baseline: the listing with plain links to guest Checkout, no Book button package. */
import { createRoot } from 'react-dom/client'
import { PlainLinks, sessions } from '../listing.js'

createRoot(document.getElementById('root')!).render(<PlainLinks sessions={sessions} />)
