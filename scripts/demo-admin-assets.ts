import fs from "fs"
import path from "path"

const FONT = /^(Inter|RobotoMono)-.*\.(ttf|woff2?)$/

/**
 * Asks the running admin for the dashboard's fonts the way its CSS does in `medusa develop`
 * (`/app/@fs/<path in node_modules>`), and says which ones it refused. The demo's app resolves its packages
 * from the repository's node_modules; without `admin.vite` allowing that folder (the app's medusa-config),
 * Vite's dev server answers 403 and every admin page falls back to another font.
 */
export async function checkAdminFonts(appUrl: string, appDir: string): Promise<{ checked: number; refused: string[] }> {
  const manifest = require.resolve("@medusajs/dashboard/package.json", { paths: [appDir] })
  const dist = path.join(path.dirname(manifest), "dist")
  const fonts = fs.readdirSync(dist).filter((name) => FONT.test(name))
  const refused: string[] = []
  for (const name of fonts) {
    const file = path.join(fs.realpathSync(dist), name).split(path.sep).join("/")
    const response = await fetch(`${appUrl}/app/@fs${file.startsWith("/") ? "" : "/"}${file}`)
    await response.arrayBuffer()
    if (!response.ok) refused.push(`${response.status} ${name}`)
  }
  return { checked: fonts.length, refused }
}
