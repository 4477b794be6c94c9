/**
 * The references table against its source: DOMAIN.md's numbered list, read now, so that an edit to either fails
 * here instead of drifting silently; and every reference number the code cites is in the table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { surname } from './citations.js';
import { REFERENCES, referenceById } from './references.js';

const domain = readFileSync(new URL('../../../shared/DOMAIN.md', import.meta.url), 'utf8');
const listed = [...domain.slice(domain.indexOf('## References')).matchAll(/^(\d+[a-z]?)\. (.+)$/gm)].map((m) => ({
  id: m[1]!,
  text: m[2]!,
}));

/** The surname DOMAIN.md's line starts with ("De Garceau" in "De Garceau D, Dean D, ..."), or null for a title or a group. */
function leadAuthor(line: string): string | null {
  return /^((?:[A-Z][\p{L}'-]+ )*[A-Z][\p{L}'-]+) [A-Z]{1,3}\b/u.exec(line)?.[1] ?? null;
}

/** The first year in the line outside its links (a DOI or an address may hold a year of its own). */
function firstYear(line: string): string | null {
  return /(?<![\d/.-])(?:19|20)\d\d(?!\d)/.exec(line.replace(/https?:\/\/\S+|doi:\S+/g, ''))?.[0] ?? null;
}

const clean = (s: string) => s.replace(/[).,;]+$/, '');

test("Given DOMAIN.md's reference list, when read, then it has the references a table of this size needs", () => {
  assert.ok(listed.length > 80, `only ${listed.length} references read from DOMAIN.md`);
});

test('Given DOMAIN.md and the table, when their ids are compared, then they hold the same references in the same order', () => {
  assert.deepEqual(
    REFERENCES.map((r) => r.id),
    listed.map((l) => l.id),
  );
});

for (const { id, text } of listed) {
  test(`Given [${id}], when compared with DOMAIN.md, then the first author, the year and the links are the same`, () => {
    const r = referenceById(id);
    assert.ok(r, `[${id}] is missing from src/core/references.ts`);
    const lead = leadAuthor(text);
    if (lead) assert.equal(surname(r.authors.split(',')[0]!), lead, 'first author');
    else if (r.authors) assert.ok(text.includes(r.authors), `"${r.authors}" is not in DOMAIN.md's line`);
    else assert.ok(r.shortTitle, 'a reference without authors needs a short title to be cited by');
    const year = firstYear(text);
    if (r.year !== null) assert.equal(r.year, year, 'year');
    // A web page or a code repository has no year of publication; the years in its line date other things.
    else
      assert.ok(year === null || r.kind === 'web' || r.kind === 'code', `DOMAIN.md gives ${year} and the table none`);
    const dois = [r.doi, ...(r.also ?? []).map((a) => a.doi)].filter(Boolean);
    assert.deepEqual(dois.sort(), [...text.matchAll(/doi:(\S+)/g)].map((m) => clean(m[1]!)).sort(), 'DOIs');
    const urls = [r.url, ...(r.also ?? []).map((a) => a.url)].filter(Boolean);
    for (const u of [...text.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => clean(m[0])))
      assert.ok(urls.includes(u), `${u} is not in the table`);
    const unverified = /UNVERIFIED/.test(text) || /not captured|not read/.test(text);
    const said = [r.note, r.published, ...(r.also ?? []).map((a) => a.text)].join(' ');
    if (unverified) assert.match(said, /unverified|not captured|not read/i, 'what DOMAIN.md could not check is said');
  });
}

const repo = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/**
 * Every reference number the code cites: the ids of `refs` arrays (claims, findings, walking references) and the
 * bracketed numbers after "DOMAIN.md" or a § on a line (reference ranges' `source`, comments on constants).
 */
function citedIds(source: string): string[] {
  const ids: string[] = [];
  for (const m of source.matchAll(/\brefs\s*[:=]\s*\[([^\]]*)\]/g))
    for (const q of m[1]!.matchAll(/'(\d+[a-z]?)'/g)) ids.push(q[1]!);
  for (const m of source.matchAll(/(?:DOMAIN\.md|§)[^\n]*/g))
    for (const b of m[0].matchAll(/\[(\d{1,2}[a-z]?)\]/g)) ids.push(b[1]!);
  return ids;
}

test('Given the code in src/ and web/src, when every cited reference number is collected, then each is in the table', () => {
  const unknown: string[] = [];
  let count = 0;
  const self = fileURLToPath(import.meta.url); // its patterns and examples are not citations
  for (const file of [...sourceFiles(join(repo, 'src')), ...sourceFiles(join(repo, 'web/src'))].filter(
    (f) => f !== self,
  )) {
    for (const id of citedIds(readFileSync(file, 'utf8'))) {
      count += 1;
      if (!referenceById(id)) unknown.push(`${file.slice(repo.length)}: [${id}]`);
    }
  }
  assert.ok(count > 100, `only ${count} citations found: the scan has stopped seeing them`);
  assert.deepEqual(unknown, []);
});

test('Given the scan, when it reads the forms the code uses, then it finds their ids', () => {
  assert.deepEqual(citedIds("claim: { text: 'x', evidence: 'COH', refs: ['21', '21a'] }"), ['21', '21a']);
  assert.deepEqual(citedIds("const refs = ['28', '28a'];"), ['28', '28a']);
  assert.deepEqual(citedIds("{ min: 0.94, unit: 'm/s', source: 'DOMAIN.md §2c [21][21a]' };"), ['21', '21a']);
  assert.deepEqual(citedIds('const first = parts[4]; // index, not a reference'), []);
});
