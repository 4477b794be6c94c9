/**
 * Every text a screen shows comes from the message catalogue, and Spanish covers the patient's screens
 * (issue 14 item 8). The scanner itself is checked first on small hand-written sources, so a scanner that finds
 * nothing cannot pass for a catalogue that is complete.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkWeb,
  clinicalWordingProblems,
  compareCatalogues,
  readCatalogue,
  readsAsWords,
  scanSource,
} from '../scripts/i18n-check.js';
import { CLINICIAN_NAMESPACES, PATIENT_NAMESPACES } from '../web/src/i18n/namespaces.js';

const root = process.cwd();

/**
 * Folders whose screens still have words written into them. Each is taken off this list in the commit that moves
 * its texts into the catalogue; the list must end empty (then the whole of web/src is checked).
 */
const NOT_YET_IN_THE_CATALOGUE: readonly string[] = [];

test('the scanner finds words written into a screen, and leaves code and catalogue keys alone', () => {
  const found = (src: string) => scanSource('x.tsx', src).map((f) => f.problem);
  assert.equal(found(`const a = <p>Walk every day</p>;`).length, 1);
  assert.equal(found(`const a = <img alt="The left foot" src="/a.svg" />;`).length, 1);
  assert.equal(found(`const a = <input placeholder="Minutes" />;`).length, 1);
  assert.equal(found(`const a = <p>{'Saved.'}</p>;`).length, 1);
  assert.equal(found('const a = <p>{`${n} steps today`}</p>;').length, 1);
  assert.equal(found(`setError('Could not save your check-in');`).length, 1);
  assert.match(found(`const s = n.toLocaleString('en');`)[0] ?? '', /fixed locale 'en'/);
  assert.match(found(`const f = new Intl.DateTimeFormat('en-GB', {});`)[0] ?? '', /fixed locale/);
  // Code, not text:
  assert.deepEqual(found(`const a = <p className="lead muted" data-testid="walk steps">{t('title')}</p>;`), []);
  assert.deepEqual(
    found("const a = <a className={`card status-${s} Big`} href={`${base}/report?${q}`}>{t('x')}</a>;"),
    [],
  );
  assert.equal(found('const a = <img alt={`The ${side} foot`} />;').length, 1);
  assert.deepEqual(found(`import { x } from './Some Thing.js'; if (kind === 'Left foot') {}`), []);
  assert.deepEqual(found(`type Side = 'Left side' | 'Right side'; const o = { 'Any key': 1 };`), []);
  assert.deepEqual(found(`document.querySelector('main p.lead'); api('GET', '/api/today');`), []);
  assert.deepEqual(found("if (f.startsWith(`values.`)) x = { field: `values.${p}`, message: t('m') };"), []);
  assert.equal(found('x = { title: `values.` };').length, 1);
  assert.deepEqual(found(`const a = <p>{n} · {m}</p>; const b = 'ball-roll';`), []);
  // i18n-ignore keeps a string that looks like words but is not read by anyone (a CSS font, say).
  assert.deepEqual(found(`ctx.font = '600 14px system-ui, sans-serif'; // i18n-ignore: a CSS font`), []);
});

test('reads-as-words: sentences and capitalised words yes, identifiers and units of code no', () => {
  for (const s of ['Today', 'Walk now', 'saved.', 'two words']) assert.equal(readsAsWords(s), true, s);
  for (const s of ['today', 'ball-roll', '/api/today', '/api/imports?', 'GET', 'px', '12:30', 'x', 'video/mp4'])
    assert.equal(readsAsWords(s), false, s);
});

test('every screen already moved to the catalogue shows no text of its own, and every key it asks for exists', () => {
  const folders = readdirSync(join(root, 'web/src'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'i18n' && !NOT_YET_IN_THE_CATALOGUE.includes(d.name))
    .map((d) => d.name);
  const topFiles = readdirSync(join(root, 'web/src')).filter((f) => /\.tsx?$/.test(f));
  const findings = checkWeb(root, [...folders, ...topFiles]);
  assert.deepEqual(
    findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.problem}`),
    [],
  );
});

test("the Spanish catalogue of every namespace, the patient's and the clinician's, has every English key, with the same figures and hedges", () => {
  const problems: string[] = [];
  for (const ns of [...PATIENT_NAMESPACES, ...CLINICIAN_NAMESPACES]) {
    const en = readCatalogue(root, 'en', ns);
    const es = readCatalogue(root, 'es', ns);
    assert.ok(en && es, `${ns}: both catalogues exist`);
    problems.push(...compareCatalogues(ns, en, es), ...clinicalWordingProblems(ns, en, es));
  }
  assert.deepEqual(problems, []);
});

test('the comparison notices a missing translation, a dropped figure and a missing plural form', () => {
  const problems = compareCatalogues(
    't',
    { a: 'Walk', b: '{{n}} steps', c_one: '{{count}} day', c_other: '{{count}} days' },
    { b: '{{m}} pasos', c_one: '{{count}} día' },
  );
  assert.ok(problems.some((p) => p.includes('"a" has no Spanish text')));
  assert.ok(problems.some((p) => p.includes('"b" has figures {{m}}')));
  assert.ok(problems.some((p) => p.includes('"c" needs Spanish _one and _other')));
});

test('each namespace has one catalogue file per language, and catalogues.ts bundles exactly those files', () => {
  const names = [...PATIENT_NAMESPACES, ...CLINICIAN_NAMESPACES].sort();
  for (const lng of ['en', 'es']) {
    const present = readdirSync(join(root, 'web/src/i18n/locales', lng))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    assert.deepEqual(present, names, lng);
  }
  const bundled = [
    ...readFileSync(join(root, 'web/src/i18n/catalogues.ts'), 'utf8').matchAll(
      /from '\.\/locales\/(\w+)\/([\w-]+)\.json'/g,
    ),
  ]
    .map((m) => `${m[1]}/${m[2]}`)
    .sort();
  assert.deepEqual(bundled, ['en', 'es'].flatMap((l) => names.map((n) => `${l}/${n}`)).sort());
});

test('the wording check notices a dropped hedge and an added promise', () => {
  const en = {
    a: 'That this drill builds the arch has not been tested.',
    b: 'Footing does not diagnose.',
    c: 'Walking may help.',
    d: 'Rolling is not proven to help.',
  };
  const es = {
    a: 'Este ejercicio fortalece el arco.',
    b: 'Footing no hace diagnósticos.',
    c: 'Caminar siempre cura el dolor.',
    d: 'No está probado que rodar la pelota ayude.',
  };
  const problems = clinicalWordingProblems('t', en, es);
  assert.ok(
    problems.some((p) => p.startsWith('t: "a" drops a claim English calls unproven')),
    problems.join('\n'),
  );
  assert.ok(problems.some((p) => p.startsWith('t: "c" adds a cure')));
  assert.ok(problems.some((p) => p.startsWith('t: "c" adds "always"')));
  assert.ok(!problems.some((p) => p.startsWith('t: "b"') || p.startsWith('t: "d"')), problems.join('\n'));
});
