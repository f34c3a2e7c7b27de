/**
 * `BENCH_CPU_PROF_DIR=/tmp/prof npm run bench -- …` writes a V8 CPU profile (`.cpuprofile`, open it in Chrome's
 * DevTools or summarise it with `node bench/lib/profile-summary.js <dir>`) for each process the bench starts:
 * the dispatch workers and the fake Twilio. The bench process itself is profiled by starting it with
 * `node --cpu-prof`. This is how RESULTS.md shows where the time goes.
 */
export function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF_DIR
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : []
}
