import { usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useRef } from "react"
import { useBlocker, type Location } from "react-router-dom"
import { useT } from "../../lib/i18n"

const templateOf = (location: Location) => {
  const params = new URLSearchParams(location.search)
  return `${params.get("key") ?? ""}\u0000${params.get("locale") ?? ""}`
}

/**
 * Keeps the template editor's unsaved edits from being lost without a word: picking another template
 * (`confirmDiscard`), going elsewhere in the admin (react-router's `useBlocker`: the dashboard runs on a data
 * router) and closing or reloading the tab (`beforeunload`) all ask first. Changing only the search does not.
 */
export function useUnsavedEditsGuard(editing: { name: string; locale: string } | null) {
  const { t } = useT()
  const prompt = usePrompt()
  const dirty = useRef(false)
  const asking = useRef(false)

  const setDirty = useCallback((value: boolean) => {
    dirty.current = value
  }, [])

  const ask = useCallback(async () => {
    asking.current = true
    try {
      return await prompt({
        title: t("templates.unsaved.title"),
        description: t("templates.unsaved.description", { name: editing?.name ?? "", locale: editing?.locale ?? "" }),
        confirmText: t("templates.unsaved.discard"),
        cancelText: t("templates.unsaved.keep"),
      })
    } finally {
      asking.current = false
    }
  }, [prompt, t, editing?.name, editing?.locale])

  /** True when there is nothing to lose, or the owner chose to discard it. */
  const confirmDiscard = useCallback(async () => {
    if (!dirty.current) return true
    const discard = await ask()
    if (discard) dirty.current = false
    return discard
  }, [ask])

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current &&
      (currentLocation.pathname !== nextLocation.pathname || templateOf(currentLocation) !== templateOf(nextLocation))
  )
  useEffect(() => {
    if (blocker.state !== "blocked" || asking.current) return
    ask().then((discard) => {
      if (discard) {
        dirty.current = false
        blocker.proceed?.()
      } else blocker.reset?.()
    })
  }, [blocker, ask])

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return
      event.preventDefault()
      // older browsers show the prompt only when a value is set
      event.returnValue = ""
    }
    window.addEventListener("beforeunload", onBeforeUnload)
    return () => window.removeEventListener("beforeunload", onBeforeUnload)
  }, [])

  return { setDirty, confirmDiscard }
}
