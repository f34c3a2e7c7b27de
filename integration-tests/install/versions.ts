import { spawnSync } from "child_process"
import fs from "fs"
import path from "path"

const ROOT = path.join(__dirname, "..", "..")

/** The Medusa range the plugin declares: its `@medusajs/medusa` peer range in package.json. */
export function declaredMedusaRange(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"))
  return manifest.peerDependencies["@medusajs/medusa"]
}

/**
 * Every published `@medusajs/medusa` release inside the declared range, asked of the registry at run time,
 * so that a new patch release is installed and tested the day it appears. `INSTALL_MEDUSA_VERSIONS`
 * (comma-separated) narrows a local run; CI leaves it unset.
 */
export function supportedMedusaVersions(): string[] {
  if (process.env.INSTALL_MEDUSA_VERSIONS) return process.env.INSTALL_MEDUSA_VERSIONS.split(",").map((v) => v.trim())
  const range = declaredMedusaRange()
  const result = spawnSync("npm", ["view", `@medusajs/medusa@${range}`, "version", "--json"], { encoding: "utf8" })
  if (result.status !== 0) throw new Error(`npm view @medusajs/medusa@"${range}" failed: ${result.stderr}`)
  const parsed = JSON.parse(result.stdout)
  const versions = (Array.isArray(parsed) ? parsed : [parsed]).filter((v: string) => /^\d+\.\d+\.\d+$/.test(v))
  if (!versions.length) throw new Error(`No published @medusajs/medusa release matches "${range}"`)
  return versions
}
