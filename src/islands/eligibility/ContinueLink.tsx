import type { ComponentChildren } from 'preact';

/** The button-styled link at the end of each checklist section, to the next one. */
export function ContinueLink({ href, children = 'Continue to the next section' }: { href: string; children?: ComponentChildren }) {
  return (
    <p>
      <a class="button" href={href}>
        {children}
      </a>
    </p>
  );
}
