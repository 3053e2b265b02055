import { renderToString } from 'react-dom/server'
import { Sessions, type PageData } from './sessions.js'

/** The page's HTML, as the broker's server renders it. */
export function render(data: PageData): string {
  return renderToString(<Sessions {...data} />)
}
