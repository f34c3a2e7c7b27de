import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUsersWorkflow } from "@medusajs/medusa/core-flows"

/** Creates an admin user that can log in with email and password, as `medusa user` does. */
export async function createAdminUser(container: MedusaContainer, email = "admin@example.com", password = "supersecret") {
  const {
    result: [user],
  } = await createUsersWorkflow(container).run({ input: { users: [{ email }] } })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not register the admin user: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  return { user, email, password }
}
