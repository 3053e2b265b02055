/**
 * The README's framework snippets are the example apps' files, word for word:
 * a block that opens with `// examples/<path>` must equal that file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')

/** Every fenced block whose first line names an example file: [path, block text]. */
const snippets = [...readme.matchAll(/```[a-z]*\n(\/\/ (examples\/\S+)[^\n]*\n[\s\S]*?)```/g)].map(
  ([, text, path]) => [path!, text!] as const,
)

describe('README framework snippets', () => {
  it('show the Vite, Next.js and node server examples', () => {
    expect(snippets.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        'examples/vite-app/src/listing.tsx',
        'examples/vite-app/src/session-list.tsx',
        'examples/vite-app/src/signed-in-listing.tsx',
        'examples/next-app/app/sessions/page.tsx',
        'examples/next-app/app/account/signed-in-listing.tsx',
        'examples/next-app/app/bookability/page.tsx',
        'examples/next-app/app/api/checkout/route.ts',
        'examples/node-server/src/server.ts',
      ]),
    )
  })

  it.each(snippets)('%s is the file itself', (path, text) => {
    expect(existsSync(`${root}${path}`), `${path} does not exist`).toBe(true)
    expect(text).toBe(readFileSync(`${root}${path}`, 'utf8'))
  })
})
