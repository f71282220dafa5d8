// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import hoistIslandStyle from './integrations/hoist-island-style.mjs';

// Deployment settings (see README, "Deploy"): the public origin and an optional sub-path.
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [mdx(), preact(), sitemap(), hoistIslandStyle()],
  // Astro 7's default ('jsx') drops a space wherever a line break meets an inline tag or an
  // expression ("theme of<a>", "the 9duties"). `true` is the lossless mode: prose keeps its spaces.
  compressHTML: true,
  devToolbar: { enabled: false },
});
