import fs from "fs"
import path from "path"

/**
 * What a store's `npm install` reads: the plugin's package.json. A range that lets npm pick a newer Medusa
 * package than the host's splits the host's tree (see CHANGELOG: "Unable to resolve plugin
 * @medusajs/draft-order"); the install suite proves the whole path, this catches the manifest at once.
 */
const root = path.join(__dirname, "..", "..")
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8")

/** ">=2.21.0 <2.22.0" → the minor it stays inside, or null when the range could reach another minor. */
function boundedMinor(range: string): string | null {
  const match = range.match(/^>=(\d+)\.(\d+)\.\d+ <(\d+)\.(\d+)\.0$/)
  if (!match) return null
  const [, major, minor, upperMajor, upperMinor] = match.map(Number)
  return major === upperMajor && upperMinor === minor + 1 ? `${major}.${minor}` : null
}

describe("package.json", () => {
  const peers: Record<string, string> = manifest.peerDependencies
  const medusaPeers = Object.entries(peers).filter(([name]) => name.startsWith("@medusajs/") && name !== "@medusajs/ui")

  it("keeps every Medusa peer inside one minor, the one the README says it supports", () => {
    const minors = new Set(medusaPeers.map(([, range]) => boundedMinor(range)))
    expect([...minors]).toHaveLength(1)
    const [minor] = [...minors]
    expect(minor).not.toBeNull()
    expect(readme).toContain(`**Supported: Medusa ${minor}.x** (\`@medusajs/medusa\` \`${peers["@medusajs/medusa"]}\``)
  })

  it("bounds @medusajs/ui to the releases the supported dashboards use (4.2.7 and later need icons 2.22)", () => {
    const match = peers["@medusajs/ui"].match(/^>=4\.2\.(\d+) <4\.2\.(\d+)$/)
    expect(match).not.toBeNull()
    expect(Number(match![2])).toBeLessThanOrEqual(7)
  })

  it("requires only the packages a new Medusa project lists itself; the admin's come from its dashboard", () => {
    const required = Object.keys(peers).filter((name) => !manifest.peerDependenciesMeta?.[name]?.optional)
    expect(required.sort()).toEqual(["@medusajs/admin-sdk", "@medusajs/framework", "@medusajs/medusa"])
    for (const name of ["@medusajs/ui", "@medusajs/icons", "@medusajs/js-sdk", "@tanstack/react-query", "react", "react-dom", "react-router-dom"]) {
      expect(manifest.peerDependenciesMeta[name]).toEqual({ optional: true })
    }
  })

  it("asks for the react-query the supported dashboard provides (its QueryClient serves the plugin's pages)", () => {
    const dashboard = require("@medusajs/dashboard/package.json")
    const pinned: string = dashboard.dependencies["@tanstack/react-query"]
    expect(peers["@tanstack/react-query"]).toBe(`^${pinned}`)
    expect(manifest.devDependencies["@tanstack/react-query"]).toBe(pinned)
    expect(manifest.dependencies["@tanstack/react-query"]).toBeUndefined()
  })

  it("depends on no Medusa or React package of its own (those are the host's)", () => {
    const own = Object.keys(manifest.dependencies).filter((name) => /^@medusajs\/|^react(-dom|-router-dom)?$/.test(name))
    expect(own).toEqual([])
  })

  it("ships the build and its documents only, with type declarations", () => {
    expect(manifest.files.sort()).toEqual([".medusa/server", "CHANGELOG.md", "LICENSE", "README.md"])
    const tsconfig = fs.readFileSync(path.join(root, "tsconfig.json"), "utf8")
    expect(tsconfig).toMatch(/"declaration": true/)
    for (const file of ["LICENSE", "CHANGELOG.md"]) expect(fs.existsSync(path.join(root, file))).toBe(true)
  })
})
