import { spawnSync } from "child_process"
import { startServer, type ServerProcess } from "../helpers/process-group"
import fs from "fs"
import os from "os"
import path from "path"

/**
 * A Medusa app made the way a store makes one, in a temporary folder, for the install suite: the
 * package.json and tsconfig.json of a new Medusa project (create-medusa-app's starter, which cannot be
 * fetched here), real installs from the npm registry, and the plugin installed from its packed tarball.
 * Nothing is linked to this repository and nothing is kept between runs but npm's own download cache,
 * which every user has too.
 */

export const ROOT = path.join(__dirname, "..", "..")
const SEED_DIR = path.join(ROOT, "integration-tests", "app", "src", "scripts")

/** The package.json of a new Medusa project at `version`. */
export function starterPackageJson(version: string) {
  return {
    name: "fresh-medusa-store",
    version: "0.0.1",
    description: "A new Medusa project, for medusa-plugin-sms-rcs's install suite.",
    private: true,
    scripts: {
      build: "medusa build",
      seed: "medusa exec ./src/scripts/seed.ts",
      start: "medusa start",
      dev: "medusa develop",
    },
    dependencies: {
      "@medusajs/admin-sdk": version,
      "@medusajs/cli": version,
      "@medusajs/framework": version,
      "@medusajs/medusa": version,
    },
    devDependencies: {
      "@medusajs/test-utils": version,
      "@swc/core": "^1.7.28",
      "@swc/jest": "^0.2.36",
      "@types/jest": "^29.5.13",
      "@types/node": "^20.0.0",
      "@types/react": "^18.3.2",
      "@types/react-dom": "^18.2.25",
      jest: "^29.7.0",
      "prop-types": "^15.8.1",
      react: "^18.3.1",
      "react-dom": "^18.3.1",
      "ts-node": "^10.9.2",
      typescript: "^5.6.2",
      vite: "^5.4.14",
    },
    engines: { node: ">=20" },
  }
}

const STARTER_TSCONFIG = {
  compilerOptions: {
    target: "ES2021",
    esModuleInterop: true,
    module: "Node16",
    moduleResolution: "Node16",
    emitDecoratorMetadata: true,
    experimentalDecorators: true,
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    declaration: false,
    sourceMap: false,
    inlineSourceMap: true,
    outDir: "./.medusa/server",
    rootDir: "./",
    jsx: "react-jsx",
    forceConsistentCasingInFileNames: true,
    resolveJsonModule: true,
    checkJs: false,
    strictNullChecks: true,
  },
  "ts-node": { swc: true },
  include: ["**/*", ".medusa/types/*"],
  exclude: ["**/node_modules", ".medusa/server", ".medusa/admin", ".cache"],
}

/**
 * The `medusa-config.ts` block of the README's "Install it in your Medusa app" section, verbatim: the
 * suite installs exactly what the README tells a store to write.
 */
export function readmeMedusaConfig(readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8")): string {
  const section = readme.split(/^## /m).find((part) => part.startsWith("Install it in your Medusa app"))
  if (!section) throw new Error('README.md has no "## Install it in your Medusa app" section')
  const block = section.match(/```ts\n(\/\/ medusa-config\.ts\n[\s\S]*?)```/)
  if (!block) throw new Error("The README's install section has no ```ts block starting with // medusa-config.ts")
  return block[1]
}

/** A TypeScript file of the store's that uses what the plugin exports; it must compile against the tarball. */
const TYPE_CHECK_FILE = `import { sendMessageWorkflow, sendOrderMessageWorkflow } from "medusa-plugin-sms-rcs/workflows"
import MessagingModule, { MESSAGING_MODULE, MessagingModuleService } from "medusa-plugin-sms-rcs/modules/messaging"
import SmsNotificationProvider, { SmsNotificationProviderService } from "medusa-plugin-sms-rcs/providers/sms"

export const workflows = [sendMessageWorkflow, sendOrderMessageWorkflow].map((workflow) => workflow.getName())
export const moduleName: string = MESSAGING_MODULE
export const parts = [MessagingModule, MessagingModuleService, SmsNotificationProvider, SmsNotificationProviderService]
export type Service = InstanceType<typeof MessagingModuleService>
`

export type CommandResult = { status: number; output: string }

/** Runs a command; its output goes to `logFile` as well, and comes back (the tail) in the error. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string; allowFail?: boolean }): CommandResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`
  fs.appendFileSync(options.logFile, `\n$ ${command} ${args.join(" ")}   (in ${options.cwd})\n${output}`)
  const status = result.status ?? 1
  if (status !== 0 && !options.allowFail) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${status}) in ${options.cwd}:\n${output.slice(-6000)}`)
  }
  return { status, output }
}

/** `npm pack` of this repository (already built by `npm test`) into `dir`; returns the tarball's path. */
export function packPlugin(dir: string, logFile: string): string {
  fs.mkdirSync(dir, { recursive: true })
  // --ignore-scripts: `npm test` has just built .medusa/server; `prepack` would build it a second time.
  const { output } = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: ROOT, logFile })
  const [{ filename }] = JSON.parse(output.slice(output.indexOf("[")))
  return path.join(dir, filename)
}

/** Every installed copy of a package under `scope` (e.g. "@medusajs"), as "name@version" → paths. */
export function installedCopies(appDir: string, scope = "@medusajs"): Map<string, string[]> {
  const copies = new Map<string, string[]>()
  const walk = (nodeModules: string) => {
    if (!fs.existsSync(nodeModules)) return
    for (const entry of fs.readdirSync(nodeModules)) {
      if (entry.startsWith(".")) continue
      const names = entry.startsWith("@") ? fs.readdirSync(path.join(nodeModules, entry)).map((n) => `${entry}/${n}`) : [entry]
      for (const name of names) {
        const dir = path.join(nodeModules, name)
        const manifest = path.join(dir, "package.json")
        if (name.startsWith(`${scope}/`) && fs.existsSync(manifest)) {
          const { version } = JSON.parse(fs.readFileSync(manifest, "utf8"))
          const key = `${name}@${version}`
          copies.set(key, [...(copies.get(key) ?? []), path.relative(appDir, dir)])
        }
        walk(path.join(dir, "node_modules"))
      }
    }
  }
  walk(path.join(appDir, "node_modules"))
  return copies
}

/** "name" → version of each package of `scope` at the app's top level (what Medusa's loaders resolve). */
export function topLevel(appDir: string, scope = "@medusajs"): Record<string, string> {
  const result: Record<string, string> = {}
  const scopeDir = path.join(appDir, "node_modules", scope)
  for (const name of fs.existsSync(scopeDir) ? fs.readdirSync(scopeDir) : []) {
    const manifest = path.join(scopeDir, name, "package.json")
    if (fs.existsSync(manifest)) result[`${scope}/${name}`] = JSON.parse(fs.readFileSync(manifest, "utf8")).version
  }
  return result
}

export type FreshApp = {
  version: string
  dir: string
  logFile: string
  env: NodeJS.ProcessEnv
}

/** Writes a new Medusa project at `version` in a temporary folder (nothing installed yet). */
export function createFreshApp(version: string, env: NodeJS.ProcessEnv, workDir = fs.mkdtempSync(path.join(os.tmpdir(), "sms-rcs-install-"))): FreshApp {
  const dir = path.join(workDir, `store-${version}`)
  fs.mkdirSync(path.join(dir, "src", "scripts"), { recursive: true })
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(starterPackageJson(version), null, 2) + "\n")
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(STARTER_TSCONFIG, null, 2) + "\n")
  fs.writeFileSync(path.join(dir, "medusa-config.ts"), readmeMedusaConfig())
  // the store's own seed: the same small French store the other suites use
  for (const file of ["seed-demo-store.ts", "admin-user.ts"]) fs.copyFileSync(path.join(SEED_DIR, file), path.join(dir, "src", "scripts", file))
  fs.writeFileSync(path.join(dir, "src", "plugin-types.ts"), TYPE_CHECK_FILE)
  fs.writeFileSync(
    path.join(dir, "tsconfig.plugin-types.json"),
    JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, strict: true }, include: ["src/plugin-types.ts"] }, null, 2)
  )
  return { version, dir, logFile: path.join(workDir, `store-${version}.log`), env }
}

export function npm(app: FreshApp, args: string[], cwd = app.dir): CommandResult {
  return run("npm", [...args, "--no-audit", "--no-fund"], { cwd, env: app.env, logFile: app.logFile })
}

export function medusa(app: FreshApp, args: string[], cwd = app.dir): CommandResult {
  return run(path.join(app.dir, "node_modules", ".bin", "medusa"), args, { cwd, env: app.env, logFile: app.logFile })
}

export type StartedApp = ServerProcess

/** `medusa start` of the production build in `.medusa/server`, in its own process group, until /health answers. */
export function startProduction(app: FreshApp, port: number): Promise<StartedApp> {
  const serverDir = path.join(app.dir, ".medusa", "server")
  return startServer(path.join(serverDir, "node_modules", ".bin", "medusa"), ["start"], {
    cwd: serverDir,
    env: { ...app.env, NODE_ENV: "production", PORT: String(port) },
    url: `http://localhost:${port}`,
    logFile: app.logFile,
    what: "medusa start",
  })
}
