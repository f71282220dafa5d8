/** Turns "Copy link" section links into clipboard copies of the section's full address. */
export function enableCopyLinks(root: ParentNode = document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
    if (link.dataset.copyReady) continue;
    link.dataset.copyReady = 'true';
    link.addEventListener('click', async (event) => {
      const address = new URL(link.getAttribute('href') ?? '', window.location.href).href;
      if (!navigator.clipboard) return; // fall back to following the link
      event.preventDefault();
      try {
        await navigator.clipboard.writeText(address);
        announce(link, 'Link copied');
      } catch {
        announce(link, 'Could not copy: the address is in the address bar');
        window.location.hash = link.hash;
      }
    });
  }
}

function announce(link: HTMLElement, message: string): void {
  let status = link.nextElementSibling as HTMLElement | null;
  if (!status?.matches('.copy-link__status')) {
    status = document.createElement('span');
    status.className = 'copy-link__status';
    status.setAttribute('role', 'status');
    link.after(status);
  }
  status.textContent = message;
  setTimeout(() => {
    if (status) status.textContent = '';
  }, 3000);
}
