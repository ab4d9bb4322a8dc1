/** Placeholder until the matcher lands: the serialisable, precompiled form of the alias matcher. */
export type CompiledMatcher = unknown;
