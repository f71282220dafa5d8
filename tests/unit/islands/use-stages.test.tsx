// @vitest-environment happy-dom
/**
 * useStages draws a large view in parts, one part a task: the first render draws one part, and each
 * later part comes in a task of its own (so a phone paints between them), never past the last.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { useStages } from '../../../src/islands/shared/useStages';

afterEach(cleanup);

it('draws one part first, then one more a task, up to the last', async () => {
  const seen: number[] = [];
  function View() {
    const drawn = useStages(3);
    seen.push(drawn);
    return <p data-drawn={drawn}>{drawn}</p>;
  }
  render(<View />);
  expect(seen).toEqual([1]);
  // Microtasks alone draw nothing more: the next part waits for a task.
  await Promise.resolve();
  await Promise.resolve();
  expect(seen.at(-1)).toBe(1);
  await waitFor(() => expect(document.querySelector('[data-drawn="3"]')).not.toBeNull());
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect([...new Set(seen)]).toEqual([1, 2, 3]);
});
