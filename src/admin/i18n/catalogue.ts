/**
 * The shape a translation must have: the English catalogue's keys, every leaf a string. `fr/*.ts` are typed
 * with it, so a key missing in French (or one English no longer has) fails `tsc`, not the owner's screen.
 */
export type Catalogue<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }
