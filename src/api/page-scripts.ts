/**
 * The page shell's one inline script (`web/index.html`), which turns 长辈模式 on before the first paint, as the page's
 * script policy allows it: by the hash of its exact text. `test/unit/page-scripts.test.ts` checks the two agree.
 */
export const largeTextScriptHash = "'sha256-9oip6X172RU9zKoJ1RqBJWnGm/r9n9K4J/SvhI2VlHI='";
