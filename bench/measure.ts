/** Small helpers shared by the benchmarks: timing, medians and a plain table. */
import { performance } from 'node:perf_hooks'

export function time(work: () => void): number {
  const start = performance.now()
  work()
  return performance.now() - start
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function printTable(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  console.log(`\n${title}`)
  for (const row of rows) console.log('  ' + row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
}
