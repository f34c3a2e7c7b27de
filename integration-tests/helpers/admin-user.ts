// The admin user helper lives beside the seed script so that a fresh app (the install suite) can take both.
export { createAdminUser } from "../app/src/scripts/admin-user"
