// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from './integrations/preact-without-babel.mjs';
import sitemap from '@astrojs/sitemap';
import { createHash } from 'node:crypto';
import finishPages from './integrations/finish-pages.mjs';
import { hoistIslandStyleStep } from './integrations/hoist-island-style.mjs';
import { onThisPageStep } from './integrations/on-this-page.mjs';
import { firstRoundTripStep } from './integrations/first-round-trip.mjs';
import { compileHintsStep } from './integrations/compile-hints.mjs';
import { satteri } from '@astrojs/markdown-satteri';
import { noteParts } from './integrations/note-parts.mjs';
import { clientCodeSplitting } from './integrations/client-chunks.mjs';
import { EARLY_CLICK_SCRIPT } from './src/client/early-click.mjs';
import { LAYER_ORDER } from './src/styles/layers.mjs';
import { BASE_DIRECTIVES } from './src/csp-directives.mjs';
import { basePathFromEnv, withoutBase } from './src/lib/base-path.mjs';

/** A Content-Security-Policy hash of an inline script or style. @param {string} text @returns {`sha256-${string}`} */
const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

// No request to any other origin, from the build either: Astro's telemetry (on unless switched off)
// would run git for a project id and post each build to telemetry.astro.build. Astro reads this
// after loading the config and before recording anything.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// Deployment settings (see README, "Deploy"): the public origin and an optional sub-path.
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
if (!process.env.SITE_URL && process.argv.includes('build')) {
  // Canonical links, og:url, the sitemap, robots.txt and /api/standard.json need the public address.
  console.warn(
    `\n  SITE_URL is not set: canonical links, the sitemap, robots.txt and /api/standard.json will name ${site}.\n  Fine for testing; for a real deployment build with SITE_URL=https://your.domain (README, "Deploying").\n`,
  );
}
const base = basePathFromEnv();
/** Pages never in the sitemap (their paths, base-free; each also says noindex). */
const UNLISTED = ['/offline/', '/report/'];

export default defineConfig({
  site,
  base,
  // The content cache beside the project, not in node_modules: a checkout that shares another's
  // node_modules (a git worktree) must never build from the other's content.
  cacheDir: './.cache/astro/',
  trailingSlash: 'always',
  // No page shows code, so no highlighter: Shiki (the default) was loaded and started on every build
  // for nothing, and its inline styles would need an exception to the pages' CSP. The processor is
  // Astro's own (Sätteri) with one step: each part of a revision note laid out only when near the
  // screen (integrations/note-parts.mjs). MDX, the notes, takes these settings.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [noteParts] }) },
  // Every stylesheet a file, none inlined by Astro: integrations/first-round-trip.mjs inlines just
  // the rules each page uses and loads the files after the content.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  server: { host: '127.0.0.1', port: 4321 },
  integrations: [
    mdx(),
    preact(),
    // The offline page is for the service worker, and a shared report is private to whoever holds its link: neither is for search engines.
    sitemap({ filter: (page) => !UNLISTED.includes(withoutBase(new URL(page).pathname, base)) }),
    // Each built page is finished in one pass, step by step: first-round-trip must come after
    // on-this-page, whose list it styles, and compile-hints after first-round-trip, whose island
    // runtime file it marks (each step's files are written in step order, after every page).
    finishPages([hoistIslandStyleStep, onThisPageStep, firstRoundTripStep, compileHintsStep]),
  ],
  // Astro 7's default ('jsx') drops a space wherever a line break meets an inline tag or an
  // expression ("theme of<a>", "the 9duties"). `true` is the lossless mode: prose keeps its spaces.
  compressHTML: true,
  // Content-Security-Policy in every page's <head>: Astro hashes its own scripts and styles; nothing
  // else may run or load, and nothing from another origin. Headers for hosts that can send them
  // (frame-ancestors and the rest) are written by scripts/write-headers.mjs.
  security: {
    csp: {
      directives: BASE_DIRECTIVES,
      // The one inline script of every page (src/client/early-click.mjs), allowed by its hash.
      scriptDirective: { hashes: [sha256(EARLY_CLICK_SCRIPT)] },
      // The one inline style (the cascade-layer order, src/styles/layers.mjs), allowed likewise.
      styleDirective: { hashes: [sha256(LAYER_ORDER)] },
    },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX note carries Astro's own "use astro:head-inject" marker, which the server bundle
        // warns about once per note (about 700 lines a build), hiding any warning that matters. And a
        // package's "use client" is for React servers, nothing here (the Preact preset hid it too).
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && /use (astro:head-inject|client)/.test(log.message)) return;
          handler(level, log);
        },
      },
    },
    // The browser's code in fewer files (integrations/client-chunks.mjs).
    environments: { client: { build: { rolldownOptions: { output: { codeSplitting: clientCodeSplitting() } } } } },
  },
});
