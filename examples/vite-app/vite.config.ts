import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Checkout sessions are created by the broker's backend (examples/node-server), never in the browser:
// in development and preview, Vite forwards /api to it.
const api = { '/api': process.env.CHECKOUT_API_ORIGIN ?? 'http://127.0.0.1:3000' }

export default defineConfig({
  plugins: [react()],
  server: { proxy: api },
  preview: { proxy: api },
})
