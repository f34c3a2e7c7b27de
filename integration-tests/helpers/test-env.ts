import path from "path"

/** The test app, and queue names of this run so tests never see another run's jobs in Redis. */
export const TEST_APP_DIR = path.join(__dirname, "..", "app")

export function isolateQueues(suite: string): void {
  const run = `${suite}-${process.pid}-${Date.now().toString(36)}`
  process.env.SMS_RCS_QUEUE_NAME = `sms-rcs-${run}`
  process.env.EVENT_BUS_QUEUE_NAME = `medusa-events-${run}`
  process.env.MEDUSA_ADMIN_DISABLED = "true"
  process.env.SMS_RCS_SANDBOX_DELAY_MS = process.env.SMS_RCS_SANDBOX_DELAY_MS ?? "300"
}
