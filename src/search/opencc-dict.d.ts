/** OpenCC's dictionaries as opencc-js ships them: one ES module a table, its default export `"from to to|from to|…"`. */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
