import { fileURLToPath } from 'node:url'
import type { NextConfig } from 'next'

const config: NextConfig = {
  // This app lives inside the library's repository: keep Next.js from taking the repository root as its own.
  turbopack: { root: fileURLToPath(new URL('.', import.meta.url)) },
}

export default config
