import Medusa from "@medusajs/js-sdk"

/** Where the admin API answers: the dashboard's own origin unless the build says otherwise. */
export const backendUrl: string = import.meta.env.VITE_BACKEND_URL || "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
