// The test app installs the plugin by its package name, as a store does: node_modules/medusa-plugin-sms-rcs
// in the app points at this repository (whose built output is .medusa/server).
const fs = require("fs")
const path = require("path")

function linkTestApp(appDir = path.join(__dirname, "..", "integration-tests", "app")) {
  const linkPath = path.join(appDir, "node_modules", "medusa-plugin-sms-rcs")
  const target = path.relative(path.dirname(linkPath), path.join(__dirname, ".."))
  fs.mkdirSync(path.dirname(linkPath), { recursive: true })
  try {
    if (fs.readlinkSync(linkPath) === target) {
      return linkPath
    }
    fs.unlinkSync(linkPath)
  } catch (error) {
    if (error.code !== "ENOENT") throw error
  }
  fs.symlinkSync(target, linkPath, "dir")
  return linkPath
}

module.exports = { linkTestApp }

if (require.main === module) {
  console.log(`linked ${linkTestApp()}`)
}
