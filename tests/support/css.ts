/**
 * Reading stylesheets for the layer tests: the top-level blocks and statements of a stylesheet,
 * each with its prelude ("@layer components", "@media print") and, for a block, its body.
 */
export interface CssStatement {
  prelude: string;
  /** The text between the braces; undefined for a statement ending in ";". */
  body?: string;
}

export function topLevel(css: string): CssStatement[] {
  const out: CssStatement[] = [];
  let depth = 0;
  let prelude = '';
  let bodyStart = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      if (depth === 0) prelude += css.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '{') {
      if (depth === 0) bodyStart = i + 1;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        out.push({ prelude: prelude.trim().replace(/\s+/g, ' '), body: css.slice(bodyStart, i) });
        prelude = '';
      }
    } else if (c === ';' && depth === 0) {
      out.push({ prelude: prelude.trim().replace(/\s+/g, ' ') });
      prelude = '';
    } else if (depth === 0) {
      prelude += c;
    }
  }
  return out;
}

/** The cascade layers in their order, as Base.astro declares them before any stylesheet. */
export const LAYERS = ['reset', 'tokens', 'base', 'layout', 'components', 'utilities', 'print'];
export const LAYER_STATEMENT = `@layer ${LAYERS.join(', ')};`;

/** What is wrong with a stylesheet's layering: rules outside a known layer, print rules for the screen. */
export function layeringProblems(css: string): string[] {
  const problems: string[] = [];
  for (const { prelude, body } of topLevel(css)) {
    const layer = /^@layer ([\w-]+)$/.exec(prelude)?.[1];
    if (body === undefined || !layer || !LAYERS.includes(layer)) {
      problems.push(`outside the layers: ${prelude}${body === undefined ? ';' : ' { … }'}`);
      continue;
    }
    if (layer === 'print') {
      for (const inner of topLevel(body)) {
        if (inner.prelude !== '@media print') problems.push(`in @layer print, not under @media print: ${inner.prelude}`);
      }
    }
  }
  return problems;
}
