// Each test file boots Medusa anew; MikroORM keeps entity metadata in a global, so clear it between files
// or models from the previous file clash with the new ones.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Medusa logs every migration and loader at "info"; keep test output to what matters.
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"
