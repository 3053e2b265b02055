/**
 * Builds the fixture apps in apps/ (each a main.tsx behind the shared
 * apps/index.html) with Vite, in parallel in this process, against the packed
 * package, and weighs what each page loads: every script and stylesheet the
 * HTML pulls in, brotli'd file by file as a server sends them.
 * Chunks reached only through a dynamic import (a checkout loaded when one
 * starts) are weighed apart.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build, type Manifest } from 'vite'
import { installPackedPackage } from './packed-install.js'

export interface AppWeight {
  /** Brotli bytes of every script and stylesheet the page loads. */
  pageLoad: number
  /** Brotli bytes of the chunks loaded only by a dynamic import. */
  onDemand: number
  /** Each file with its brotli bytes, those loaded on demand marked. */
  files: { file: string; bytes: number; onDemand: boolean }[]
  /** The text of every script the app may load, at page load or on demand. */
  scripts: string
}

const apps = fileURLToPath(new URL('./apps/', import.meta.url))

/** Builds the named fixture apps beside the packed package, React, React Query and clsx, and weighs each page. */
export async function weighApps<Name extends string>(names: readonly Name[]): Promise<Record<Name, AppWeight>> {
  const workspace = mkdtempSync(join(tmpdir(), 'obb-size-'))
  try {
    installPackedPackage(workspace)
    cpSync(apps, join(workspace, 'apps'), { recursive: true })
    for (const name of names) cpSync(join(apps, 'index.html'), join(workspace, 'apps', name, 'index.html'))
    const weights = await Promise.all(names.map((name) => buildAndWeigh(join(workspace, 'apps', name))))
    return Object.fromEntries(names.map((name, index) => [name, weights[index]])) as Record<Name, AppWeight>
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}

async function buildAndWeigh(root: string): Promise<AppWeight> {
  const outDir = join(root, 'dist')
  // A broker's production build: Vite's defaults, the React plugin, nothing aliased.
  await build({ root, configFile: false, logLevel: 'error', plugins: [react()], build: { outDir, manifest: true } })
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest

  const onPageLoad = new Set<string>()
  const onDemand = new Set<string>()
  const visit = (key: string, files: Set<string>) => {
    const chunk = manifest[key]!
    if (onPageLoad.has(chunk.file) || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported, files)
  }
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry)
  for (const entry of entries) visit(entry, onPageLoad)
  for (const key of Object.keys(manifest)) for (const lazy of manifest[key]!.dynamicImports ?? []) visit(lazy, onDemand)
  for (const file of onPageLoad) onDemand.delete(file)

  const weigh = (file: string) => brotliCompressSync(readFileSync(join(outDir, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  const files = [
    ...[...onPageLoad].map((file) => ({ file, bytes: weigh(file), onDemand: false })),
    ...[...onDemand].map((file) => ({ file, bytes: weigh(file), onDemand: true })),
  ]
  const sum = (lazy: boolean) => files.filter((file) => file.onDemand === lazy).reduce((total, file) => total + file.bytes, 0)
  const scripts = files.filter(({ file }) => file.endsWith('.js')).map(({ file }) => readFileSync(join(outDir, file), 'utf8')).join('\n')
  return { pageLoad: sum(false), onDemand: sum(true), files, scripts }
}
