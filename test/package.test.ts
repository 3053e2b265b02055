/**
 * The built package as brokers receive it (npm test builds dist/ first):
 * entry points, directives, peers left out, and the core running in plain
 * Node with no React anywhere in reach.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const read = (file: string) => readFileSync(join(dist, file), 'utf8')
const javascript = readdirSync(dist).filter((file) => file.endsWith('.js'))

describe('the built package', () => {
  it('marks only the React entries as client modules', () => {
    const clientEntries = ['index.js', 'checkout.js']
    for (const file of clientEntries) expect(read(file)).toMatch(/^["']use client["'];/)
    for (const file of javascript.filter((name) => !clientEntries.includes(name))) expect(read(file)).not.toContain('use client')
  })

  it('never bundles the peers', () => {
    for (const file of javascript) {
      expect(read(file)).not.toMatch(/react\.production|react-jsx-runtime\.production|__SECRET_INTERNALS|QueryClient = class/)
    }
    expect(read('index.js')).toMatch(/from "react\/jsx-runtime"/)
    expect(read('checkout.js')).toMatch(/from "@tanstack\/react-query"/)
  })

  it('keeps React out of the core and server entries, even transitively', () => {
    const importsOf = (file: string): string[] => [...read(file).matchAll(/(?:from|import)\s*"([^"]+)"/g)].map((match) => match[1]!)
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const specifier of importsOf(file)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\//)
        visit(specifier.slice(2))
      }
    }
    visit('core.js')
    visit('server.js')
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
