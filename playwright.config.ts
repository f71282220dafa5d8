import { defineConfig } from '@playwright/test';

/**
 * Browser tests in the system Chromium (never a downloaded browser: see README, "Requirements"),
 * against the built site served by scripts/serve.mjs. Run `npm run build` first (npm test does).
 */
const port = Number(process.env.PREVIEW_PORT ?? 4330);
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  // Visual baselines (tests/browser/visual.spec.ts) are committed, one per page, width and scheme.
  snapshotPathTemplate: '{testDir}/__screenshots__/{arg}{ext}',
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.002 } },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
    // A stuck action fails fast with its locator named, rather than at the test's timeout.
    actionTimeout: 15_000,
    // The service worker would precache the whole site in every test's fresh browser; only the
    // offline test turns it on.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${port} --dir ${process.env.SERVE_DIR ?? 'dist'}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
