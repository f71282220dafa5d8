/**
 * Settings for every process that loads Vite's bundler, rolldown (the build, `astro check`, the
 * tests, the bench's preview server). They must be in the environment before it loads: its
 * allocator reads them once, when Node opens rolldown's native module.
 *
 * MIMALLOC_ARENA_EAGER_COMMIT=0: rolldown's allocator (mimalloc) by default commits each arena
 * (1 GiB of address space) as it reserves it. On the 2-core Linux development machine, whose kernel
 * gives huge pages where they are asked for, up to 250 MB of the build's memory then came as 2 MB
 * huge pages, each zeroed whole when first touched: a quarter of the build's CPU time was the kernel
 * clearing pages (perf), and `astro build` took 0.75 × the time without it (4 runs each, in turn).
 * Committed as used, the same build makes the same files. See mimalloc's README for the option.
 */
export const ROLLDOWN_ENV = Object.freeze({ MIMALLOC_ARENA_EAGER_COMMIT: '0' });

/** The environment for a child process: these settings, unless the caller's environment sets them itself. */
export const withRolldownEnv = (env = process.env) => ({ ...ROLLDOWN_ENV, ...env });
