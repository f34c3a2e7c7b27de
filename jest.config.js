const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

// One config, three suites, picked by TEST_TYPE (see package.json scripts and scripts/test.js).
const suites = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  browser: ["**/integration-tests/browser/**/*.spec.[jt]s"],
  chaos: ["**/integration-tests/chaos/**/*.spec.[jt]s"],
  install: ["**/integration-tests/install/**/*.spec.[jt]s"],
}

const testType = process.env.TEST_TYPE ?? "unit"
if (!suites[testType]) {
  throw new Error(`Unknown TEST_TYPE "${testType}". Expected one of: ${Object.keys(suites).join(", ")}`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true, tsx: true },
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/integration-tests/app/.medusa/"],
  testMatch: suites[testType],
  testPathIgnorePatterns: testType === "integration:modules" ? ["\\.unit\\.spec\\."] : [],
  setupFiles: testType === "unit" || testType === "install" ? [] : ["./integration-tests/setup.js"],
}
