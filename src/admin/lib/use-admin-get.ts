import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from "react"
import { sdk } from "./sdk"

/**
 * Loads an admin route once on mount, with `reload` for after a change and `setValue` to patch what was
 * loaded without asking again. An error is kept as a message for the page to show; the last good value stays.
 */
export function useAdminGet<T>(path: string, initial: T) {
  const [state, setState] = useState<{ value: T; loading: boolean; error?: string }>({ value: initial, loading: true })

  const reload = useCallback(async () => {
    try {
      const value = await sdk.client.fetch<T>(path)
      setState({ value, loading: false })
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: (error as Error).message }))
    }
  }, [path])

  useEffect(() => {
    reload()
  }, [reload])

  const setValue: Dispatch<SetStateAction<T>> = useCallback(
    (next) => setState((s) => ({ ...s, value: typeof next === "function" ? (next as (v: T) => T)(s.value) : next })),
    []
  )
  return { ...state, reload, setValue }
}
