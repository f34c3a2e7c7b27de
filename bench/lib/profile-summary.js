#!/usr/bin/env node
// Summarises the .cpuprofile files in a directory: per profile, the share of samples by self time, grouped by
// package (node_modules/<name>) or by file of this repository, and the top functions. Usage:
//   node bench/lib/profile-summary.js /tmp/prof [top=15]
const fs = require("fs")
const path = require("path")

const dir = process.argv[2]
const top = Number(process.argv[3] ?? 15)
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"))
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1)
  const total = profile.samples.length
  const byGroup = new Map()
  const byFunction = new Map()
  for (const [id, count] of self) {
    const { callFrame } = byId.get(id)
    const url = callFrame.url || "(native)"
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
    const group = callFrame.functionName === "(idle)" ? "(idle)" : callFrame.functionName === "(garbage collector)" ? "(gc)" : pkg ?? (url.startsWith("node:") ? "node core" : url.replace(/^file:\/\//, "").replace(process.cwd() + "/", ""))
    byGroup.set(group, (byGroup.get(group) ?? 0) + count)
    const fn = `${callFrame.functionName || "(anonymous)"} ${pkg ?? path.basename(url)}:${callFrame.lineNumber + 1}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + count)
  }
  const busy = total - (byGroup.get("(idle)") ?? 0)
  const seconds = (profile.endTime - profile.startTime) / 1e6
  console.log(`\n${file}: ${seconds.toFixed(1)} s, busy ${((busy / total) * 100).toFixed(0)} %`)
  const show = (map) =>
    [...map].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)
      .forEach(([k, v]) => console.log(`  ${((v / busy) * 100).toFixed(1).padStart(5)} %  ${k}`))
  console.log(" by package / file (share of busy time):")
  show(byGroup)
  console.log(" by function:")
  show(byFunction)
}
