// Type shapes for the two stemmer packages, which ship none for the parts we use.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowball;
}

declare module 'lunr-languages/lunr.stemmer.support.js' {
  const register: (lunr: unknown) => void;
  export default register;
}

declare module 'lunr-languages/lunr.el.js' {
  const register: (lunr: unknown) => void;
  export default register;
}
