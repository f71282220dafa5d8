/**
 * Search figures for the benchmark: bytes fetched before and on first opening search, and the time
 * from a keystroke to rendered results. Returns undefined until the site has a search dialog.
 */
export async function searchFigures() {
  return undefined;
}
