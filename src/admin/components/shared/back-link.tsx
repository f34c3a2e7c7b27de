import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

/** The small "← Back" link at the foot of the SMS & RCS settings pages. */
export const BackLink = ({ to, label }: { to: string; label: string }) => (
  <Text size="xsmall" className="text-ui-fg-muted">
    <Link to={to} className="text-ui-fg-interactive">
      ← {label}
    </Link>
  </Text>
)
