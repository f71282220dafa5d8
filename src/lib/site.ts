/** Site-wide names and wording used in more than one place. */
export const SITE_NAME = 'ML Engineer Apprenticeship Guide';
/** Added to every page title after the page's own (kept short: titles stay within 70 characters). */
export const TITLE_SUFFIX = 'ST1398 study guide';

/**
 * The edition of the standard the site's content follows (content/rules.yaml `edition`; a content
 * test keeps the two equal). Saved progress records it, so progress made against this edition can be
 * carried over by KSB code when a revised standard is added.
 */
export const STANDARD_EDITION = 'ST1398 v1.0';
