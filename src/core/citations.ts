/**
 * References as a person reads them: a short citation ("Hollman et al., 2011") where a claim is shown, and the full
 * reference (authors, year, title, where it appeared, a link) on the References page and at the end of the CLI's
 * text. Stored data keeps DOMAIN.md's numbers ("25"); only the display turns them into words.
 */
import type { Language } from './language.js';
import { REFERENCES, referenceById, type Reference } from './references.js';

/** The word between two authors' names: citations follow the language of the text around them. */
const AND: Record<Language, string> = { en: 'and', es: 'y' };

/** "Hollman" from "Hollman JH", "De Garceau" from "De Garceau D", "Koc" from "Koc TA Jr"; a group name stays whole. */
export function surname(author: string): string {
  const words = author
    .replace(/\s*et al\.?$/, '')
    .trim()
    .split(/\s+/);
  while (words.length > 1 && /^(?:[A-Z]{1,3}|Jr)$/.test(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/** "Hollman et al." (three or more, or "et al."), "Khamis and Yizhar" / "Khamis y Yizhar" (two), "Brody" or "NICE" (one); '' for none. */
export function authorsShort(authors: string, lang: Language = 'en'): string {
  const parts = authors
    .split(/,\s*/)
    .map((p) => p.trim())
    .filter((p) => p && !/^et al\.?$/.test(p));
  if (!parts.length) return '';
  const names = parts.map(surname);
  if (/et al\.?$/.test(authors.trim()) || names.length > 2) return `${names[0]} et al.`;
  return names.join(` ${AND[lang]} `);
}

/** The citation without a year: the authors, the short title, or both ("SRALab RehabMeasures: ODI"). */
function citationName(r: Reference, lang: Language = 'en'): string {
  return [authorsShort(r.authors, lang), r.shortTitle].filter(Boolean).join(': ');
}

/** Two references with the same name and year get a letter each, in list order ("Menz et al., 2013a" and "2013b"). */
const YEAR_LETTERS: ReadonlyMap<string, string> = (() => {
  const groups = new Map<string, Reference[]>();
  for (const r of REFERENCES) {
    if (!r.year) continue;
    const key = `${citationName(r)}|${r.year}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const letters = new Map<string, string>();
  for (const g of groups.values())
    if (g.length > 1) g.forEach((r, i) => letters.set(r.id, String.fromCharCode(97 + i)));
  return letters;
})();

/** The short citation of one reference: "Hollman et al., 2011", "Framingham Foot Study", "NICE, 2016". */
export function shortCitation(r: Reference, lang: Language = 'en'): string {
  const name = citationName(r, lang);
  return r.year ? `${name}, ${r.year}${YEAR_LETTERS.get(r.id) ?? ''}` : name;
}

/** The short citation for a DOMAIN.md number; an unknown number is said as such (references.test.ts keeps them known). */
export function citation(id: string, lang: Language = 'en'): string {
  const r = referenceById(id);
  return r ? shortCitation(r, lang) : `unknown reference ${id}`;
}

/** "Bohannon and Andrews, 2011; Andrews et al., 2023". */
export function citationList(ids: readonly string[]): string {
  return ids.map((id) => citation(id)).join('; ');
}

/** The reference's own link: its DOI as https://doi.org/..., or its web address; null when it has neither. */
export function referenceLink(r: { doi?: string; url?: string }): string | null {
  return r.doi ? `https://doi.org/${r.doi}` : (r.url ?? null);
}

const sentence = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/**
 * The full reference on one line: "Hollman JH, McDade EM, Petersen RC (2011). Normative spatiotemporal gait
 * parameters in older adults. Gait Posture 2011;34(1):111–8. https://doi.org/10.1016/j.gaitpost.2011.03.024"
 * followed by its note and what else DOMAIN.md lists under the same number.
 */
export function fullCitation(r: Reference): string {
  const who = !r.authors ? '' : r.year ? `${r.authors} (${r.year}). ` : `${sentence(r.authors)} `;
  const link = referenceLink(r);
  const parts = [`${who}${sentence(r.title)} ${sentence(r.published)}`];
  if (link) parts.push(link);
  if (r.note) parts.push(sentence(r.note));
  for (const a of r.also ?? []) {
    const alsoLink = referenceLink(a);
    parts.push(`Also: ${sentence(a.text)}${alsoLink ? ` ${alsoLink}` : ''}`);
  }
  return parts.join(' ');
}

/** The DOMAIN.md numbers in a source text such as a reference range's "DOMAIN.md §2c [21][21a]": ["21", "21a"]. */
export function refIdsIn(text: string): string[] {
  return [...text.matchAll(/\[(\d+[a-z]?)\]/g)].map((m) => m[1]!);
}

/** A typical range as stored with its source (src/gait/reference-ranges.ts): "DOMAIN.md §2c [25]" holds the ids. */
export interface RangeWithSource {
  min: number;
  max: number;
  unit: string;
  source: string;
}

/** "100–120 steps/min (Hollman et al., 2011)": the range, and its sources as citations. */
export function rangeWithSources(r: RangeWithSource): string {
  const ids = refIdsIn(r.source);
  return `${r.min}–${r.max} ${r.unit}${ids.length ? ` (${citationList(ids)})` : ''}`;
}

/** A piece of text with citations in it: plain words, or the ids of one run of bracketed numbers ("[2][3]"). */
export type TextPart = { text: string } | { refs: string[] };

/**
 * Splits a text that cites by number ("null for treatment [2][3]; custom orthoses [4]") into its words and its
 * runs of known reference numbers, so that each run can be shown as citations. Unknown numbers stay as written.
 */
export function splitCitations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(/ ?((?:\[\d+[a-z]?\])+)/g)) {
    const ids = refIdsIn(m[1]!);
    if (!ids.every((id) => referenceById(id))) continue;
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ refs: ids });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The same text with each run of numbers as words: "null for treatment (Chuter et al., 2014; Sahar et al., 2009)". */
export function citeInline(text: string): string {
  return splitCitations(text)
    .map((p) => ('refs' in p ? ` (${citationList(p.refs)})` : p.text))
    .join('');
}

/**
 * A "References" block for the end of a text report: each reference cited, once, in the order first cited, as
 * "- Hollman et al., 2011: Hollman JH, ... https://doi.org/...". No lines when nothing was cited.
 */
export function referencesBlock(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return [
    'References',
    ...unique.map((id) => {
      const r = referenceById(id);
      return r ? `- ${shortCitation(r)}: ${fullCitation(r)}` : `- ${citation(id)}`;
    }),
  ];
}
