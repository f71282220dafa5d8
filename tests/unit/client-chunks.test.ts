/**
 * How the browser's code is grouped into files (integrations/client-chunks.mjs): the site script's
 * own imports are found from its source, and a file named in a group that does not exist fails
 * the build by name.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_SCRIPT, clientCodeSplitting, filesOf, staticClosure } from '../../integrations/client-chunks.mjs';

describe('the site script’s own imports', () => {
  it('are every module it imports statically, and theirs, but none it imports on demand', () => {
    const found = [...staticClosure(SITE_SCRIPT)].map((f) => relative(process.cwd(), f)).sort();
    expect(found).toEqual(['src/lib/learner/presence.ts', 'src/lib/learner/state-slot-names.ts', 'src/lib/storage/keys.ts']);
  });

  it('follows imports through files and folders, skips type-only imports, and refuses a package only when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chunks-'));
    writeFileSync(join(dir, 'entry.ts'), "import { a } from './a';\nimport type { T } from './types';\nimport './side';\nvoid import('./later');\n");
    writeFileSync(join(dir, 'a.ts'), "export { b as a } from './b';\nexport type { T } from './types';\n");
    writeFileSync(join(dir, 'b.ts'), 'export const b = 1;\n');
    writeFileSync(join(dir, 'side.mjs'), 'globalThis.x = 1;\n');
    const names = [...staticClosure(join(dir, 'entry.ts'))].map((f) => relative(dir, f)).sort();
    expect(names).toEqual(['a.ts', 'b.ts', 'side.mjs']);

    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'index.ts'), 'export const r = 1;\n');
    writeFileSync(join(dir, 'folder.ts'), "import { r } from './rules';\n");
    expect([...staticClosure(join(dir, 'folder.ts'))].map((f) => relative(dir, f))).toEqual([join('rules', 'index.ts')]);

    writeFileSync(join(dir, 'heavy.ts'), "import { h } from 'preact';\nimport { b } from './b';\n");
    expect(() => staticClosure(join(dir, 'heavy.ts'), { refusePackages: true })).toThrow(/heavy\.ts imports a package/);
    expect([...staticClosure(join(dir, 'heavy.ts'))].map((f) => relative(dir, f))).toEqual(['b.ts']);
  });

  it('fails naming a listed file that does not exist', () => {
    expect(() => filesOf(['src/lib/urls.ts', 'src/lib/no-such-file.ts'])).toThrow(/src\/lib\/no-such-file\.ts is named in a chunk group but does not exist/);
  });
});

describe('the groups', () => {
  const groups = clientCodeSplitting().groups;
  const groupOf = (id: string) => groups.filter((g) => g.test(id)).sort((a, b) => b.priority - a.priority)[0]?.name;

  it('put the site script’s imports in its own group, ahead of every other', () => {
    expect(groupOf(join(process.cwd(), 'src/lib/storage/keys.ts'))).toBe('site');
    expect(groupOf('\0vite/preload-helper.js')).toBe('site');
  });

  it('put Preact with what every island loads, and the saved-data layer in a group of its own', () => {
    expect(groupOf(join(process.cwd(), 'node_modules/preact/dist/preact.module.js'))).toBe('preact');
    expect(groupOf(join(process.cwd(), 'node_modules/preact/hooks/dist/hooks.module.js'))).toBe('preact');
    expect(groupOf(join(process.cwd(), 'src/islands/shared/useEarlyInput.ts'))).toBe('preact');
    expect(groupOf(join(process.cwd(), 'src/lib/storage/saved-fields.ts'))).toBe('saved');
  });

  it('put what the search dialog shares with the islands in a group of its own, not with Preact', () => {
    expect(groupOf(join(process.cwd(), 'src/lib/urls.ts'))).toBe('urls');
    expect(groupOf(join(process.cwd(), 'src/lib/ksb-code.ts'))).toBe('urls');
    expect(groupOf(join(process.cwd(), 'src/client/search/results.ts'))).toBeUndefined();
  });

  it('leave each island’s own code to rolldown', () => {
    expect(groupOf(join(process.cwd(), 'src/islands/ProgressDashboard.tsx'))).toBeUndefined();
    expect(groupOf(join(process.cwd(), 'node_modules/fuse.js/dist/fuse.mjs'))).toBeUndefined();
  });
});
