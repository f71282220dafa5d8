/**
 * A storage notice for pages where no island loaded the feature: a script that only shows saved
 * progress (the rating labels) says what happened in the same words an island would, at the top
 * of the page, with a link to restore or download what was set aside.
 */
import { noticeLink, type StorageNotice } from '../lib/storage/notices';
import { href, paths } from '../lib/urls';

export function showStorageNotice(notice: StorageNotice | undefined): void {
  if (!notice) return;
  const main = document.querySelector('main');
  if (!main || document.querySelector(`[data-notice="${notice.kind}"][data-feature="${notice.feature}"]`)) return;
  const box = document.createElement('div');
  box.className = 'notice notice--warning';
  box.setAttribute('role', 'alert');
  box.dataset.notice = notice.kind;
  box.dataset.feature = notice.feature;
  const title = document.createElement('h2');
  title.className = 'notice__title';
  title.textContent = notice.title;
  const message = document.createElement('p');
  message.textContent = notice.message;
  const link = document.createElement('a');
  const where = noticeLink(notice);
  link.href = href(paths.myDataSection(where.section));
  link.textContent = where.text;
  const more = document.createElement('p');
  more.append(link);
  box.append(title, message, more);
  main.prepend(box);
}
