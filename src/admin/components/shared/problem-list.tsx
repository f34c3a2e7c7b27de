import { Text } from "@medusajs/ui"
import type { ApiProblem } from "../../lib/api"

/** Problems reported by the API, each with the field it is about. */
export const ProblemList = ({
  problems,
  title,
  testId = "problem-list",
  tone = "error",
}: {
  problems: ApiProblem[]
  title?: string
  testId?: string
  tone?: "error" | "warning"
}) => {
  if (!problems.length) return null
  const color = tone === "error" ? "text-ui-fg-error" : "text-ui-tag-orange-text"
  return (
    <div
      className={`flex flex-col gap-y-1 rounded-md border p-3 ${tone === "error" ? "border-ui-tag-red-border bg-ui-tag-red-bg" : "border-ui-tag-orange-border bg-ui-tag-orange-bg"}`}
      data-testid={testId}
      role={tone === "error" ? "alert" : "status"}
    >
      {title && (
        <Text size="small" weight="plus" className={color}>
          {title}
        </Text>
      )}
      <ul className="flex flex-col gap-y-0.5">
        {problems.map((problem, i) => (
          <li key={`${problem.path}-${i}`} data-testid={`${testId}-item`}>
            <Text size="small" className={color}>
              {problem.path && <code className="font-mono text-xs">{problem.path}</code>}
              {problem.path && ": "}
              {problem.message}
            </Text>
          </li>
        ))}
      </ul>
    </div>
  )
}
