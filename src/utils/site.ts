/** Site-wide names and wording used in more than one place. */
export const SITE_NAME = 'ML Engineer Apprenticeship Guide';
export const STANDARD_LABEL = 'Level 6 Machine Learning Engineer apprenticeship (ST1398)';
