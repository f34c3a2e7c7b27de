// SMS as carriers count it: encoding, segments (the parts a long text is billed as), length limits and cost.
export * from "./segments"
export * from "./length"
export * from "./cost"
