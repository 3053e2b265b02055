/**
 * The built package as brokers receive it (npm test builds dist/ first):
 * entry points, directives, peers left out, and the core running in plain
 * Node with no React anywhere in reach.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repository = fileURLToPath(new URL('../', import.meta.url))
const dist = join(repository, 'dist')
const manifest = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')) as {
  version: string
  license: string
  dependencies: Record<string, string>
  peerDependencies: Record<string, string>
  peerDependenciesMeta: Record<string, { optional?: boolean }>
  [field: string]: unknown
}
const read = (file: string) => readFileSync(join(dist, file), 'utf8')
/** Every built module, as a path inside dist/ (one per source file). */
const javascript = (readdirSync(dist, { recursive: true }) as string[]).filter((file) => file.endsWith('.js')).sort()
/** The relative modules a built module imports or re-exports. */
const importsOf = (file: string): string[] => [...read(file).matchAll(/(?:from|import)\s*"([^"]+)"/g)].map((match) => match[1]!)
const isClientModule = (file: string) => read(file).startsWith('"use client";')
/** The modules `entry` reaches through relative imports, following only those that `follow` accepts. */
function moduleGraph(entry: string, follow: (file: string) => boolean = () => true): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file) || !follow(file)) return
    seen.add(file)
    for (const specifier of importsOf(file)) if (specifier.startsWith('.')) visit(join(dirname(file), specifier))
  }
  visit(entry)
  return [...seen]
}

describe('the built package', () => {
  it("puts 'use client' on exactly the modules that use React (components and hooks), none on the core, the server or the entries", () => {
    const usesReact = (file: string) => /from\s*"react(\/[^"]*)?"/.test(read(file))
    const clientModules = javascript.filter(isClientModule)
    expect(clientModules).toEqual(javascript.filter(usesReact))
    expect(clientModules).toEqual(expect.arrayContaining(['book-button/book-button.js', 'booking-provider/booking-provider.js', 'use-bookability/use-bookability.js']))
    for (const file of javascript.filter((file) => !clientModules.includes(file))) expect(read(file), file).not.toContain('use client')
    for (const entry of ['index.js', 'checkout.js', 'core.js', 'server.js']) expect(clientModules).not.toContain(entry)
  })

  it('lets a server component import the core from the main entry: what runs on the server reaches neither React nor React Query', () => {
    // A React Server Components bundler evaluates modules on the server until it meets 'use client'.
    const onServer = moduleGraph('index.js', (file) => !isClientModule(file))
    expect(onServer).toEqual(expect.arrayContaining(['index.js', 'core/rules/bookability.js', 'labels/labels.js']))
    for (const file of onServer) for (const specifier of importsOf(file)) expect(specifier, `${file} runs on the server`).toMatch(/^\.\.?\//)
  })

  it('reaches no React Query from the main entry: guest pages never load it', () => {
    const graph = moduleGraph('index.js')
    expect(graph).toEqual(expect.arrayContaining(['book-button/book-button.js', 'use-checkout/moved.js']))
    for (const file of graph) expect(read(file), file).not.toContain('@tanstack/react-query')
  })

  it('never bundles its peers or its dependencies: the app installs one copy of each', () => {
    for (const file of javascript) {
      expect(read(file)).not.toMatch(/react\.production|react-jsx-runtime\.production|__SECRET_INTERNALS|QueryClient = class/)
      expect(read(file), `${file} carries its own clsx`).not.toMatch(/function clsx\s*\(/)
    }
    const imported = javascript.flatMap((file) => [...read(file).matchAll(/(?:from|import)\s*"([^".][^"]*)"/g)].map((match) => match[1]!))
    const declared = [...Object.keys(manifest.peerDependencies), ...Object.keys(manifest.dependencies)]
    for (const specifier of imported) {
      expect(declared, `dist imports ${specifier}`).toContain(declared.find((name) => specifier === name || specifier.startsWith(`${name}/`)))
    }
    expect(imported).toContain('react/jsx-runtime')
    expect(imported).toContain('clsx')
    expect(read('use-checkout/use-checkout.js')).toMatch(/from "@tanstack\/react-query"/)
  })

  it('keeps React out of the core and server entries, even transitively', () => {
    const graph = [...moduleGraph('core.js'), ...moduleGraph('server.js')]
    expect(graph.length).toBeGreaterThan(2)
    for (const file of graph) for (const specifier of importsOf(file)) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//)
  })

  it('runs evaluateBookability in plain Node with no node_modules in reach', () => {
    const isolated = mkdtempSync(join(tmpdir(), 'obb-core-'))
    try {
      cpSync(dist, isolated, { recursive: true })
      const script = `
        const { evaluateBookability, guestCheckoutUrl } = await import('./core.js')
        const parent = { '@type': 'SessionSeries', '@id': 'p', 'imin:aggregateOffer': { publicAdult: { 'imin:isPotentiallyBookable': true } } }
        const session = { '@type': 'ScheduledSession', identifier: 1, superEvent: 'p', startDate: '2030-01-01T10:00Z', 'imin:isPotentiallyBookable': true }
        const result = evaluateBookability(session, parent, { now: Date.parse('2029-12-31T10:00Z') })
        console.log(JSON.stringify([result.state, guestCheckoutUrl(session, { checkoutBaseUrl: 'checkout.example.com' })]))
      `
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: isolated, encoding: 'utf8' })
      expect(JSON.parse(output)).toEqual(['bookable', 'https://checkout.example.com/v1/scheduled-sessions/1'])
    } finally {
      rmSync(isolated, { recursive: true, force: true })
    }
  })

  it('ships the stylesheet with its custom properties', () => {
    expect(read('styles.css')).toContain('--obb-color-accent')
  })
})

describe('the published tarball', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: repository, encoding: 'utf8' })) as [
    { files: { path: string }[] },
  ]
  const files = packed[0].files.map((file) => file.path)

  it('carries the MIT licence that package.json declares', () => {
    expect(manifest.license).toBe('MIT')
    expect(files).toContain('LICENSE')
    expect(readFileSync(join(repository, 'LICENSE'), 'utf8')).toMatch(/^MIT License/)
  })

  it('says where the source, the home page and the issue tracker are', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) })
    expect(manifest.homepage).toMatch(/^https:\/\//)
    expect(manifest.bugs).toEqual({ url: expect.stringMatching(/^https:\/\//) })
  })

  it("shows the README's pictures on the npm page: absolute URLs to files of this very version", () => {
    const readme = readFileSync(join(repository, 'README.md'), 'utf8')
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!)
    expect(images.length).toBeGreaterThan(0)
    const published = `https://cdn.jsdelivr.net/npm/openactive-book-button@${manifest.version}/`
    for (const image of images) {
      expect(image.startsWith(published), `${image} is not a file of the published ${manifest.version}`).toBe(true)
      expect(files).toContain(image.slice(published.length))
    }
  })

  it('leaves React Query optional: guest links need only React', () => {
    expect(manifest.peerDependenciesMeta['@tanstack/react-query']).toEqual({ optional: true })
    expect(manifest.peerDependenciesMeta.react).toBeUndefined()
  })
})
