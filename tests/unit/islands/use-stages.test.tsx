// @vitest-environment happy-dom
/**
 * useStages draws a large view in parts, one part a task: the first render draws one part, and each
 * later part comes in a task of its own (so a phone paints between them), never past the last.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
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

it('as a component, draws each later part without re-rendering the island around it, and says when all are drawn', async () => {
  const { Stages } = await import('../../../src/islands/shared/Stages');
  const { useState } = await import('preact/hooks');
  let islandRenders = 0;
  const parts: number[] = [];
  function Island() {
    islandRenders++;
    const [done, setDone] = useState(false);
    return (
      <div data-done={done ? 'yes' : undefined}>
        <Stages parts={4} onDrawn={() => setDone(true)}>
          {(drawn) => {
            parts.push(drawn);
            return <p data-drawn={drawn}>{drawn}</p>;
          }}
        </Stages>
      </div>
    );
  }
  render(<Island />);
  await waitFor(() => expect(document.querySelector('[data-done="yes"]')).not.toBeNull());
  expect([...new Set(parts)]).toEqual([1, 2, 3, 4]);
  // Once when mounted, once when told all is drawn: never once a part.
  expect(islandRenders).toBe(2);
});

it('as a component, draws nothing until told to start', async () => {
  const { Stages } = await import('../../../src/islands/shared/Stages');
  const onDrawn = vi.fn();
  const { rerender } = render(
    <Stages parts={2} start={false} onDrawn={onDrawn}>
      {(drawn) => <p data-drawn={drawn} />}
    </Stages>,
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(document.querySelector('[data-drawn="0"]')).not.toBeNull();
  expect(onDrawn).not.toHaveBeenCalled();
  rerender(
    <Stages parts={2} start onDrawn={onDrawn}>
      {(drawn) => <p data-drawn={drawn} />}
    </Stages>,
  );
  await waitFor(() => expect(onDrawn).toHaveBeenCalledTimes(1));
  expect(document.querySelector('[data-drawn="2"]')).not.toBeNull();
});
