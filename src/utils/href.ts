import { withBase } from '../lib/urls';

/** A root-relative site path with the deployment sub-path (BASE_PATH) in front. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}
