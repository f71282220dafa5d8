// @ts-check
/**
 * Revision notes in parts: a hast plugin for Astro's Markdown processor, Sätteri (astro.config.mjs),
 * that wraps each part of a note, from one level-2 heading up to the next, in
 * `<div class="laid-out-when-near">` (src/styles/utilities.css), so a KSB page lays out only the
 * parts near the screen. A note is most of its page: laid out whole, a KSB page's first layout took
 * 40-70 ms of a phone's main thread (issue #20). What comes before the first heading, and every ES
 * module statement, stays where it is. MDX is the revision notes alone; other Markdown is left as it is.
 */

/** The class of a part: the utility that lays it out only when near the screen. */
export const NOTE_PART_CLASS = 'laid-out-when-near';

/**
 * @typedef {{ type: string, tagName?: string, children?: HastNode[] }} HastNode
 * @typedef {{ heading: HastNode, rest: HastNode[] }} NotePart
 */

/** The parts of a document, given its top-level nodes: each level-2 heading and what follows it up to the next. */
export function notePartsOf(/** @type {readonly HastNode[]} */ children) {
  /** @type {NotePart[]} */
  const parts = [];
  for (const node of children) {
    if (node.type === 'element' && node.tagName === 'h2') parts.push({ heading: node, rest: [] });
    // MDX compiles `import` and `export` only at the top level of a document.
    else if (node.type !== 'mdxjsEsm') parts.at(-1)?.rest.push(node);
  }
  return parts;
}

/**
 * The plugin. Sätteri's tree is edited by commands: each part's heading is wrapped in the part, which
 * is given copies of the nodes that follow the heading, and those nodes are removed (a node cannot be
 * both removed and moved).
 */
const notePartsPlugin = {
  name: 'note-parts',
  /** @param {{ children: HastNode[] }} root @param {any} ctx Sätteri's HastVisitorContext */
  after(root, ctx) {
    for (const { heading, rest } of notePartsOf(root.children)) {
      for (const node of rest) ctx.removeNode(node);
      const children = rest.map((node) => JSON.parse(JSON.stringify(node)));
      ctx.wrapNode(heading, { type: 'element', tagName: 'div', properties: { className: [NOTE_PART_CLASS] }, children });
    }
  },
};

/** The plugin entry for `hastPlugins`: the plugin for MDX, nothing for Markdown. */
export const noteParts = (/** @type {{ sourceFormat: string }} */ document) => (document.sourceFormat === 'mdx' ? notePartsPlugin : null);
