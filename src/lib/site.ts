/** Site-wide names and wording used in more than one place. */
export const SITE_NAME = 'ML Engineer Apprenticeship Guide';
/** Added to every page title after the page's own (kept short: titles stay within 70 characters). */
export const TITLE_SUFFIX = 'ST1398 study guide';
