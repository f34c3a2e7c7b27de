import type { FaqDraft } from "../../lib/conversations"

const MAX_KEYWORDS = 20
const MAX_KEYWORD_LENGTH = 40
const MAX_ANSWER_LENGTH = 1600

/** One item a line, blank lines and repeats dropped. */
export const lines = (text: string) => [...new Set(text.split("\n").map((l) => l.trim()).filter(Boolean))]

/** What is wrong with the draft, as catalogue keys (the server checks again). */
export function faqProblems(draft: FaqDraft): string[] {
  const problems: string[] = []
  if (!draft.keywords.length) problems.push("keywords")
  if (draft.keywords.length > MAX_KEYWORDS) problems.push("tooManyKeywords")
  if (draft.keywords.some((k) => [...k].length > MAX_KEYWORD_LENGTH)) problems.push("keywordTooLong")
  if (!draft.answer.trim()) problems.push("answer")
  if ([...draft.answer].length > MAX_ANSWER_LENGTH) problems.push("answerTooLong")
  return problems
}
