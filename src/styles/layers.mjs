/**
 * The order of the cascade layers, declared once, first in every page's <head> (Base.astro), before
 * any stylesheet: a layer's rank is fixed where its name first appears, and Astro writes the bundled
 * stylesheets at the end of <head> in an order of its own. Every rule in src/ sits in one of these
 * layers; a later layer wins whatever the selectors' specificity (!important reverses the order).
 * Rendered byte for byte as written, so that a Content-Security-Policy can allow it by its hash.
 */
export const LAYER_ORDER = '@layer reset, tokens, base, layout, components, utilities, print;';
