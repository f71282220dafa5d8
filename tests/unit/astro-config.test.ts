/** What astro.config.mjs promises beyond Astro's own settings. */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

it("switches off Astro's telemetry for every command that loads the config (no request to another origin)", () => {
  const env = { ...process.env };
  delete env['ASTRO_TELEMETRY_DISABLED'];
  const seen = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "await import('./astro.config.mjs'); console.log(process.env.ASTRO_TELEMETRY_DISABLED)"],
    {
      env,
      encoding: 'utf8',
    },
  );
  expect(seen.trim()).toBe('1');
}, 30_000);
