/**
 * A wide table that scrolls sideways on narrow screens; the scroll region is focusable and named
 * so keyboard users can scroll it (the Preact twin of components/ScrollTable.astro).
 */
import type { ComponentChildren } from 'preact';
import '../../styles/tables.css';

export function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <section class="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
