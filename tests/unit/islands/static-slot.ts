/**
 * An island's children as Astro hands them over: their HTML, never re-rendered by Preact
 * (@astrojs/preact's StaticHtml). For islands that enhance the page's own HTML (KsbFinder, KsbEvidence).
 */
import { Component, h, type ComponentChildren, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

class StaticSlot extends Component<{ html: string }> {
  override shouldComponentUpdate() {
    return false;
  }
  override render(): ComponentChildren {
    return h('astro-slot', { dangerouslySetInnerHTML: { __html: this.props.html } });
  }
}

/** The HTML, or what these components render at build, as an island's static children. */
export function staticSlot(content: string | VNode): VNode<{ html: string }> {
  return h(StaticSlot, { html: typeof content === 'string' ? content : renderToString(content) });
}
