// nlp.js ships JavaScript without type declarations; we use only the stemmers' `stem(word)`.
declare module '@nlpjs/lang-ru' {
  export class StemmerRu {
    stem(word: string): string;
  }
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stem(word: string): string;
  }
}
