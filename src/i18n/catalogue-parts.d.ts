// The two parts of a language's catalogue as src/i18n/loader.ts imports them (see areas.ts).
declare module '*.json?area=start' {
  const messages: import('./translator.ts').Catalogue;
  export default messages;
}
declare module '*.json?area=rest' {
  const messages: import('./translator.ts').Catalogue;
  export default messages;
}
