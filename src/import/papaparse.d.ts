/** The part of papaparse 5.7 the importer uses (the package ships no types). */
declare module 'papaparse' {
  export interface ParseResult {
    data: string[][];
    errors: { row?: number; message: string }[];
  }
  export function parse(text: string, config: { header?: false; dynamicTyping?: false; skipEmptyLines?: boolean }): ParseResult;
  const Papa: { parse: typeof parse };
  export default Papa;
}
