// @ts-check
/**
 * Draws public/favicon.png (32 × 32: a tab shows 16 px, 32 on a high-density screen) from
 * public/favicon.svg, its source: `node scripts/favicon.mjs` after changing the SVG. The pages link the PNG: Chromium decodes a page's icon on the page's main
 * thread, and an SVG icon starts a whole SVG document there (7 to 16 ms a page on this machine, a
 * long task on a phone; issue #20), where a small PNG takes well under a millisecond.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const SIZE = 32;
const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
await page.screenshot({ path: 'public/favicon.png', omitBackground: true });
await browser.close();
console.log(`public/favicon.png: ${SIZE} × ${SIZE}, from public/favicon.svg`);
