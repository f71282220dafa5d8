/**
 * The deployment variant `npm test` builds besides the default one: the site served from a
 * sub-path of another origin, as a provider would host it. Built into `<dir><base>`, so a folder
 * served at `/` stands for that host, and links that escape the sub-path find nothing there.
 * Checked by tests/site/subpath.test.ts.
 */
export const SUBPATH_VARIANT = {
  site: 'https://study.example.org',
  base: '/st1398/',
  dir: 'dist-subpath',
};

/** The build's output folder for the variant. */
export const subpathOutDir = () => `${SUBPATH_VARIANT.dir}${SUBPATH_VARIANT.base}`.replace(/\/$/, '');
