/** html-validate on every built page (rules in .htmlvalidate.mjs): zero errors. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { fileFor, htmlPages } from '../support/dist';

const validator = new HtmlValidate(config);

describe('every page is valid HTML', () => {
  it.each(htmlPages())('%s', async (page) => {
    const report = await validator.validateFile(fileFor(page)!);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });
});
