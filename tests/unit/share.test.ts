/**
 * Progress in a link (src/lib/share): packed and unpacked exactly, with or without a passphrase;
 * every link it cannot read (damaged, cut short, changed, from a newer version, of the other kind,
 * the wrong passphrase, too large unpacked) refused with its reason; a report snapshot holding only
 * the chosen parts and, unless chosen, none of the learner's writing; and the size of a full set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentValue, LINK_FORMAT_VERSION, MAX_LINK_TEXT_BYTES, packLink, toBase64Url, fromBase64Url, unpackLink } from '../../src/lib/share/link';
import { buildSnapshot, NOT_SHARED, readSnapshot, REPORT_PARTS } from '../../src/lib/share/snapshot';
import { FEATURES } from '../../src/lib/saved-progress';
import { buildExport, previewImport } from '../../src/lib/storage/transfer';
import { MemoryStorage } from '../../src/lib/storage/backend';
import { fullProgress, CODES } from './share-fixtures';
import { reportModel, reportOf } from '../../src/lib/share/report';
import { learnerModel, codesOfBank } from '../../src/lib/learner/model';
import { keyFor } from '../../src/lib/storage/keys';
import type { BankIndex } from '../../src/lib/quiz/bank';

const flip = (value: string, at: number) => value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);

describe('packing progress into a link', () => {
  it('gives back exactly the text it was given, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        const packed = await packLink('move', text);
        expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(await unpackLink('move', packed)).toEqual({ ok: true, text, encrypted: false });
      }),
      { numRuns: 60 },
    );
  });

  it('base64url round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }));
  });

  it('with a passphrase, only that passphrase opens it, and the text is not readable without it', async () => {
    const text = JSON.stringify({ note: 'my own words about K7' });
    const packed = await packLink('move', text, 'correct horse');
    expect(await unpackLink('move', packed, 'correct horse')).toEqual({ ok: true, text, encrypted: true });
    expect(await unpackLink('move', packed)).toMatchObject({ ok: false, needsPassphrase: true, reason: expect.stringContaining('protected with a passphrase') });
    expect(await unpackLink('move', packed, 'Correct horse')).toMatchObject({ ok: false, needsPassphrase: true, reason: expect.stringContaining('does not open this link') });
    // Two links of the same text differ (a fresh salt and IV each time).
    expect(await packLink('move', text, 'correct horse')).not.toBe(packed);
  });

  it('refuses a link changed anywhere, or cut short, saying it is damaged', async () => {
    const packed = await packLink('move', JSON.stringify({ many: 'words '.repeat(50) }));
    for (const at of [5, 8, 15, Math.floor(packed.length / 2), packed.length - 2]) {
      expect(await unpackLink('move', flip(packed, at))).toMatchObject({ ok: false, reason: expect.stringContaining('damaged or incomplete') });
    }
    expect(await unpackLink('move', packed.slice(0, -10))).toMatchObject({ ok: false, reason: expect.stringContaining('damaged or incomplete') });
    expect(await unpackLink('move', 'not a link!')).toMatchObject({ ok: false, reason: expect.stringContaining('damaged or incomplete') });
    expect(await unpackLink('move', '')).toMatchObject({ ok: false });
  });

  it('refuses a changed encrypted link (its check covers the header too)', async () => {
    const packed = await packLink('report', 'hello', 'pass');
    expect(await unpackLink('report', flip(packed, packed.length - 3), 'pass')).toMatchObject({ ok: false, reason: expect.stringContaining('changed after it was made') });
  });

  it('refuses a link from a newer version, and one of the other kind, saying which', async () => {
    const packed = await packLink('move', 'x');
    const bytes = fromBase64Url(packed)!;
    bytes[0] = LINK_FORMAT_VERSION + 1;
    expect(await unpackLink('move', toBase64Url(bytes))).toMatchObject({ ok: false, reason: expect.stringContaining('newer version of this site') });
    expect(await unpackLink('report', packed)).toMatchObject({ ok: false, reason: expect.stringContaining('link to move progress') });
    expect(await unpackLink('move', await packLink('report', 'x'))).toMatchObject({ ok: false, reason: expect.stringContaining('link to a progress report') });
  });

  it('stops unpacking at the import limit (a small link cannot unpack to gigabytes)', async () => {
    const packed = await packLink('move', '0'.repeat(MAX_LINK_TEXT_BYTES + 10));
    expect(packed.length).toBeLessThan(10_000);
    expect(await unpackLink('move', packed)).toMatchObject({ ok: false, reason: expect.stringContaining('more than any progress') });
  });

  it('reads its value from a location hash of its own kind only', () => {
    expect(fragmentValue('#move=abc', 'move')).toBe('abc');
    expect(fragmentValue('#report=abc', 'move')).toBeUndefined();
    expect(fragmentValue('#backups', 'move')).toBeUndefined();
  });
});

describe('a report snapshot', () => {
  it('holds only the chosen parts, never the AM1 report helper, and none of the learner’s writing unless chosen', () => {
    const storage = fullProgress();
    const all = REPORT_PARTS.map((f) => f.feature);
    const plain = buildSnapshot(storage, { parts: all, writing: false });
    expect(Object.keys(plain.features).sort()).toEqual([...all].sort());
    expect(JSON.stringify(plain)).not.toContain('SECRET');
    const withWriting = buildSnapshot(storage, { parts: all, writing: true });
    expect(JSON.stringify(withWriting)).toContain('SECRET note on K7');
    expect(JSON.stringify(withWriting)).not.toContain('SECRET section 2');
    expect(Object.keys(buildSnapshot(storage, { parts: ['ratings'], writing: false }).features)).toEqual(['ratings']);
  });

  it('keeps what the report needs: every rating, answer and entry, and that the scoping document was written', () => {
    const read = readSnapshot(JSON.stringify(buildSnapshot(fullProgress(), { parts: REPORT_PARTS.map((f) => f.feature), writing: false })));
    if (!read.ok) throw new Error(read.reason);
    const data = read.data as Record<string, Record<string, unknown>>;
    expect(Object.keys(data.ratings!.ksbs as object)).toHaveLength(70);
    expect(data.quiz!.answers).toHaveLength(490);
    expect((data.evidence!.entries as Array<{ title: string; ksbs: string[] }>).map((e) => e.title)).toEqual(Array(20).fill(NOT_SHARED));
    expect((data.eligibility!.gateway as Record<string, string>).scopingTitle).toBe(NOT_SHARED);
  });

  it('is read as an import is: a foreign, damaged or newer snapshot is refused with its reason, and the reader’s storage is never used', () => {
    expect(readSnapshot('{"format":"something-else"}')).toEqual({ ok: false, reason: 'The report is not progress from this site (it was exported by something else).' });
    expect(readSnapshot('{not json')).toMatchObject({ ok: false, reason: 'The report is not progress from this site: it is not valid JSON.' });
    expect(readSnapshot(JSON.stringify({ format: 'st1398-study-progress', formatVersion: 9, features: {} }))).toMatchObject({ ok: false, reason: expect.stringContaining('newer version') });
    // A move link's full export read as a report: the AM1 helper's drafting is not shown.
    const read = readSnapshot(JSON.stringify(buildExport(FEATURES, fullProgress())));
    expect(read.ok && read.parts).not.toContain('report');
  });
});

describe('a report agrees with the learner’s own pages', () => {
  it('gives every KSB the state the learner saw when it was made, with or without their writing', () => {
    const storage = fullProgress();
    const data = (f: string) => JSON.parse(storage.getItem(keyFor(f))!).data;
    const quiz = data('quiz');
    const bank: BankIndex = {
      questions: Object.keys(quiz.cards).map((id) => ({ id, ksbs: [id.split('-')[0]!.toUpperCase()], type: 'single' as const, difficulty: 2 as const })),
      criteriaKsbs: new Map([['am2-model-management-pass-3', ['S24']]]),
      discussionKsbs: new Set(['S24', 'K11', 'S9']),
    };
    const now = new Date('2026-11-30T12:00:00.000Z');
    const own = learnerModel(codesOfBank(bank.questions), { ratings: data('ratings'), quiz, practice: data('practice'), eligibility: data('eligibility'), evidence: data('evidence') }, { bank: bank.questions, criteriaKsbs: bank.criteriaKsbs, discussionKsbs: bank.discussionKsbs, now });
    for (const writing of [false, true]) {
      const read = readSnapshot(JSON.stringify(buildSnapshot(storage, { parts: REPORT_PARTS.map((f) => f.feature), writing }, now)));
      if (!read.ok) throw new Error(read.reason);
      const report = reportModel(reportOf(read), bank);
      expect(CODES.map((c) => report.get(c)?.state)).toEqual(CODES.map((c) => own.get(c)?.state));
      expect(CODES.map((c) => report.get(c)?.summary)).toEqual(CODES.map((c) => own.get(c)?.summary));
    }
    // The states are not all alike, so agreeing means something.
    expect(new Set(CODES.map((c) => own.get(c)?.state)).size).toBeGreaterThan(1);
  });
});

describe('the size of a link', () => {
  it('is measured for a full set of progress (70 KSBs rated with notes, 490 answers, 20 evidence entries)', async () => {
    const file = JSON.stringify(buildExport(FEATURES, fullProgress()));
    const link = await packLink('move', file);
    const sealed = await packLink('move', file, 'a passphrase');
    const report = await packLink('report', JSON.stringify(buildSnapshot(fullProgress(), { parts: REPORT_PARTS.map((f) => f.feature), writing: false })));
    console.info(`Full progress: export ${file.length} characters; move link ${link.length} (with a passphrase ${sealed.length}); report without writing ${report.length}.`);
    // What the link holds is what the file holds.
    const back = await unpackLink('move', link);
    expect(back.ok && previewImport(back.text, FEATURES, new MemoryStorage(), 'link')).toMatchObject({ ok: true });
    expect(link.length).toBeLessThan(file.length / 3);
  });
});
