/**
 * `npm run bench`: every benchmark, one after another, each printing its
 * figures with ratios against a baseline measured in the same run.
 */
const benchmarks = ['./bookability.js', './parent-index.js', './book-button.js', './book-button-chromium.js']

for (const path of benchmarks) {
  const { run } = (await import(path)) as { run: () => Promise<void> }
  await run()
}

export {}
