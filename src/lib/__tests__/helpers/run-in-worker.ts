import path from "node:path"
import { Worker } from "node:worker_threads"

/**
 * Calls `exportName` of the TypeScript module `modulePath` in a worker thread and resolves with its
 * result, or rejects when it has not returned within `limitMs` (the worker is then terminated).
 *
 * Why a worker: a regex that backtracks quadratically blocks the thread it runs on, so a jest timeout
 * in the same thread never fires (the test just takes half an hour). In a worker the test's own thread
 * stays free, and a generous limit — orders of magnitude above what one pass over the input takes —
 * turns "quadratic" into a failed test rather than a hung run. Results are checked by the test, not the
 * time taken.
 */
export function runInWorker<T>(modulePath: string, exportName: string, args: unknown[], limitMs = 20_000): Promise<T> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads")
    const fs = require("node:fs")
    const Module = require("node:module")
    const swc = require("@swc/core")
    // TypeScript sources are compiled on require, as @swc/jest does in the test's own thread
    Module._extensions[".ts"] = (module, filename) => {
      const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
        filename,
        module: { type: "commonjs" },
        jsc: { parser: { syntax: "typescript" }, target: "es2021" },
      })
      module._compile(code, filename)
    }
    const target = require(workerData.modulePath)
    parentPort.postMessage(target[workerData.exportName](...workerData.args))
  `
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { modulePath: path.resolve(modulePath), exportName, args } })
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Error(`${exportName} did not return within ${limitMs} ms on this input: it is not linear in its length`))
    }, limitMs)
    worker.once("message", (value: T) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(value)
    })
    worker.once("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}
