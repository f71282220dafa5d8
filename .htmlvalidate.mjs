// html-validate configuration for the built pages (tests/site/html.test.ts runs it on every page).
// Rules are only switched off with a reason written here.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // The HTML is generated, not authored. Astro's lossless compression (compressHTML: true) keeps
    // line breaks inside prose, so a line can end in a space, which browsers ignore.
    'no-trailing-whitespace': 'off',
    // Preact's server renderer writes void elements as <input/>, Astro as <input>; both are valid
    // HTML, and the islands' markup is not ours to reformat.
    'void-style': 'off',
  },
};
