/**
 * Bump when tokenize() would give different terms for the same text. Anything persisted from its output
 * (the embedded search index, a trained classifier) compares it and rebuilds instead of mixing versions.
 */
export const tokenizerVersion = 2;
