import { pathToFileURL } from 'node:url';

/**
 * A build step's module run as a command of its own (`node scripts/index-search.mjs`) rather than
 * imported by scripts/build.mjs: runs the step, prints what it says, and if it fails, prints why and
 * exits with 1. Imported, it does nothing.
 * @param {ImportMeta} meta the step module's import.meta
 * @param {() => Promise<string> | string} step
 */
export async function runAlone(meta, step) {
  if (meta.url !== pathToFileURL(process.argv[1] ?? '').href) return;
  try {
    console.log(await step());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
