/**
 * The message catalogue's guard (issue 14 item 8: "a test fails on a string in a screen that is not in the
 * catalogue"). Reads web/src with the TypeScript parser and reports:
 * - text a person would read written straight into a screen (JSX text, a readable attribute such as alt, title,
 *   placeholder, aria-label, label, or a string that reads as words) instead of a catalogue key;
 * - a t('key') whose key is missing from the English catalogue of its namespace;
 * - a patient namespace whose Spanish catalogue lacks a key, has an extra one, or drops a {{figure}};
 * - a date or number formatted with a fixed locale (toLocaleString('en-GB')) instead of web/src/i18n/format.ts.
 * A line that must keep a string that looks like words (a CSS value, a MIME type) says `i18n-ignore: why`.
 *
 * Run: `npx tsx scripts/i18n-check.ts [folder...]` prints each finding as file:line:column.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  column: number;
  problem: string;
}

/** Attributes whose value is code, not text: their strings are never reported. */
const CODE_ATTRIBUTES = new Set([
  'className',
  'style',
  'id',
  'key',
  'type',
  'role',
  'href',
  'to',
  'name',
  'htmlFor',
  'inputMode',
  'autoComplete',
  'accept',
  'rel',
  'target',
  'method',
  'src',
  'viewBox',
  'd',
  'points',
  'fill',
  'stroke',
  'transform',
  'xmlns',
  'pattern',
  'lang',
  'dir',
  'enterKeyHint',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-live',
  'aria-current',
  'aria-hidden',
  'aria-haspopup',
  'aria-expanded',
  'aria-pressed',
  'aria-checked',
  'aria-invalid',
  'aria-busy',
  'aria-orientation',
  'i18nKey',
  'ns',
  'width',
  'height',
  'x',
  'y',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'x1',
  'x2',
  'y1',
  'y2',
  'strokeWidth',
  'strokeLinecap',
  'strokeLinejoin',
  'strokeDasharray',
  'textAnchor',
  'dominantBaseline',
  'fontSize',
  'fontWeight',
  'preserveAspectRatio',
  'capture',
  'download',
  'mode',
  'variant',
  'size',
  'tone',
  'kind',
  'status',
  'icon',
  'form',
  'list',
  'step',
  'min',
  'max',
  'value',
  'defaultValue',
  'crossOrigin',
  'referrerPolicy',
  'loading',
  'decoding',
  'wrap',
  'spellCheck',
  'autoCapitalize',
  'gradientUnits',
  'offset',
  'stopColor',
  'opacity',
  'fillOpacity',
  'strokeOpacity',
  'clipPath',
  'mask',
  'filter',
  'markerEnd',
  'markerStart',
  'textLength',
  'lengthAdjust',
  'vectorEffect',
  'pathLength',
  'fillRule',
  'clipRule',
  'xlinkHref',
]);

/** Calls whose string arguments are not shown to a person (or already are catalogue keys). */
const QUIET_CALLS = new Set([
  't',
  'i18n.t',
  'useTranslation',
  'getFixedT',
  'console.log',
  'console.warn',
  'console.error',
  'console.info',
  'console.debug',
  'querySelector',
  'querySelectorAll',
  'addEventListener',
  'removeEventListener',
  'dispatchEvent',
  'getElementById',
  'createElement',
  'setAttribute',
  'getAttribute',
  'postMessage',
  'fetch',
  'api',
  'matchMedia',
  'require',
  'Event',
  'CustomEvent',
  'RegExp',
  'localStorage.getItem',
  'localStorage.setItem',
  'localStorage.removeItem',
  'sessionStorage.getItem',
  'sessionStorage.setItem',
  'navigate',
  'Blob',
  'File',
  'URL',
  'URLSearchParams',
  'searchParams.get',
  'headers.get',
  // Comparisons of strings: what they compare with is code (a field path's prefix, say), never shown.
  'startsWith',
  'endsWith',
  'includes',
]);

/** Reads as words a person would read: two letters in a row, and a space or a capital letter followed by a small one. */
export function readsAsWords(s: string): boolean {
  if (!/\p{L}{2,}/u.test(s)) return false;
  // A path with its query to come (`/api/imports?${q}`): code, though it ends like a question.
  if (/^\/\S*$/.test(s)) return false;
  return /\p{L}[^\S\n]+\p{L}/u.test(s) || /^\s*\p{Lu}\p{Ll}/u.test(s) || /\p{Ll}[.!?:]$/u.test(s.trim());
}

const calleeName = (e: ts.Expression): string =>
  ts.isIdentifier(e)
    ? e.text
    : ts.isPropertyAccessExpression(e)
      ? `${calleeName(e.expression)}.${e.name.text}`.replace(/^.*\.(\w+\.\w+)$/, '$1')
      : '';

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return null;
}

/** Whether a string literal sits where its text is code: a key, a comparison, a type, an import, a quiet call. */
function isCodePosition(node: ts.Node): boolean {
  for (let n: ts.Node = node, p = node.parent; p; n = p, p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isImportTypeNode(p))
      return true;
    if (ts.isPropertyAssignment(p) && p.name === n) return true;
    // The field an API refusal names (`values.${path}`): a path of the API, not words.
    if (ts.isPropertyAssignment(p) && p.initializer === n && p.name.getText() === 'field') return true;
    if (ts.isElementAccessExpression(p) && p.argumentExpression === n) return true;
    if (ts.isCaseClause(p) && p.expression === n) return true;
    if (
      ts.isBinaryExpression(p) &&
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
        ts.SyntaxKind.InKeyword,
      ].includes(p.operatorToken.kind)
    )
      return true;
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(n as ts.Expression)) {
      const name = calleeName(p.expression);
      return QUIET_CALLS.has(name) || QUIET_CALLS.has(name.split('.').pop() ?? '');
    }
    if (ts.isJsxAttribute(p)) return CODE_ATTRIBUTES.has(p.name.getText()) || p.name.getText().startsWith('data-');
    // className={`card ${x}`}: the expression belongs to its attribute, which decides.
    if (ts.isJsxExpression(p) && p.parent && ts.isJsxAttribute(p.parent)) continue;
    if (
      ts.isJsxExpression(p) ||
      ts.isJsxElement(p) ||
      ts.isJsxSelfClosingElement(p) ||
      ts.isBlock(p) ||
      ts.isSourceFile(p)
    )
      return false;
  }
  return false;
}

function ignored(source: ts.SourceFile, line: number): boolean {
  const lines = source.text.split('\n');
  return /i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '');
}

/** Text written straight into one file (a .tsx screen or a .ts module of web/src). */
export function scanSource(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Finding[] = [];
  const report = (node: ts.Node, problem: string) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    if (!ignored(source, line)) out.push({ file, line: line + 1, column: character + 1, problem });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      const s = node.text.trim();
      if (/\p{L}/u.test(s)) report(node, `text not in the catalogue: "${s.slice(0, 60)}"`);
    } else if (
      ts.isCallExpression(node) &&
      /(^|\.)(toLocaleString|toLocaleDateString|toLocaleTimeString)$/.test(calleeName(node.expression)) &&
      node.arguments[0] &&
      literalText(node.arguments[0]) !== null
    ) {
      report(
        node,
        `fixed locale ${node.arguments[0].getText(source)}: use web/src/i18n/format.ts so dates and numbers follow the person's language`,
      );
    } else if (
      ts.isNewExpression(node) &&
      /^Intl\.(NumberFormat|DateTimeFormat|PluralRules|RelativeTimeFormat|ListFormat)$/.test(
        node.expression.getText(source),
      ) &&
      node.arguments?.[0] &&
      literalText(node.arguments[0]) !== null
    ) {
      report(node, `fixed locale ${node.arguments[0].getText(source)}: use web/src/i18n/format.ts`);
    } else {
      const s = literalText(node);
      if (s !== null && readsAsWords(s) && !isCodePosition(node))
        report(node, `text not in the catalogue: "${s.slice(0, 60)}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

type Catalogue = Record<string, unknown>;

const flatten = (c: Catalogue, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of flatten(v as Catalogue, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
};

const PLURAL = /_(zero|one|two|few|many|other)$/;

function hasKey(flat: Map<string, string>, key: string): boolean {
  if (flat.has(key)) return true;
  if ([...flat.keys()].some((k) => k.replace(PLURAL, '') === key)) return true;
  return [...flat.keys()].some((k) => k.startsWith(`${key}.`));
}

/** The keys each file asks for, with the namespace it reads (useTranslation('ns'), getFixedT(…, 'ns') or 'ns:key'). */
export function keysUsed(
  file: string,
  text: string,
): { key: string; ns: string | null; prefix: boolean; line: number }[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  let fileNs: string | null = null;
  const calls: { node: ts.CallExpression }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression).split('.').pop();
      const first = node.arguments[0];
      if ((name === 'useTranslation' || name === 'withNamespace') && first) {
        const lit = ts.isArrayLiteralExpression(first) ? first.elements[0] : first;
        if (lit && ts.isStringLiteral(lit)) fileNs ??= lit.text;
      }
      if (name === 'getFixedT' && node.arguments[1] && ts.isStringLiteral(node.arguments[1]))
        fileNs ??= node.arguments[1].text;
      if (name === 't' && first) calls.push({ node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const out: { key: string; ns: string | null; prefix: boolean; line: number }[] = [];
  for (const { node } of calls) {
    const first = node.arguments[0]!;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    let key: string | null = null;
    let prefix = false;
    if (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) key = first.text;
    else if (ts.isTemplateExpression(first)) {
      key = first.head.text.replace(/\.$/, '');
      prefix = true;
    }
    if (key === null || key === '') continue;
    const m = /^([a-z-]+):(.*)$/.exec(key);
    out.push(m ? { key: m[2]!, ns: m[1]!, prefix, line } : { key, ns: fileNs, prefix, line });
  }
  return out;
}

const vars = (s: string) =>
  [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Spanish beside English for one patient namespace: same keys (plural forms aside), same figures, nothing empty. */
export function compareCatalogues(ns: string, en: Catalogue, es: Catalogue): string[] {
  const fe = flatten(en);
  const fs = flatten(es);
  const base = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
  const be = base(fe);
  const bs = base(fs);
  const problems: string[] = [];
  for (const k of be) if (!bs.has(k)) problems.push(`${ns}: "${k}" has no Spanish text`);
  for (const k of bs) if (!be.has(k)) problems.push(`${ns}: "${k}" is in Spanish but not in English`);
  for (const [k, v] of fs) {
    if (!v.trim()) problems.push(`${ns}: "${k}" is empty in Spanish`);
    const b = k.replace(PLURAL, '');
    const enText = fe.get(k) ?? fe.get(`${b}_other`) ?? fe.get(b);
    if (enText !== undefined && vars(enText) !== vars(v))
      problems.push(`${ns}: "${k}" has figures {{${vars(v)}}} in Spanish but {{${vars(enText)}}} in English`);
  }
  for (const k of be) {
    const plural = [...fe.keys()].some((x) => x !== k && x.replace(PLURAL, '') === k);
    if (plural && !(fs.has(`${k}_one`) && fs.has(`${k}_other`)))
      problems.push(`${ns}: "${k}" needs Spanish _one and _other forms`);
  }
  return problems;
}

/**
 * Clinical wording kept in translation (issue 14 item 8: "no stronger claims in translation"; docs/translation.md):
 * where English hedges (not proven, hypothesis, not a diagnosis), Spanish must hedge the same way, and Spanish may
 * not promise what English does not (cure, guarantee, always, proven).
 */
const MUST_KEEP: [RegExp, RegExp, string][] = [
  [
    /not proven|unproven|not been (tested|proven|studied)|barely been studied/i,
    /no est[aá] (probad|demostrad)|no se ha (probado|demostrado|estudiado)|apenas se ha estudiado|sin probar/i,
    'a claim English calls unproven',
  ],
  [/hypothes/i, /hip[oó]tesis/i, 'a hypothesis'],
  [
    /not a diagnosis|does not diagnose|not diagnose|never diagnose/i,
    /no (es|son) un diagn[oó]stico|no (hacen?|dan?|emiten?) (ning[uú]n )?diagn[oó]sticos?|no diagnostican?/i,
    'that Footing does not diagnose',
  ],
];
const MAY_NOT_ADD: [RegExp, RegExp, string][] = [
  [/\bcur(a|ar|ará|an)\b/i, /\bcur(e|es|ed|ing)\b/i, 'a cure'],
  [/garantiz/i, /guarant/i, 'a guarantee'],
  [/\bsiempre\b/i, /\balways\b/i, '"always"'],
  [/(?<!no est[aá] )(?<!no se ha )\b(demostrad|probad)[oa]s?\b/i, /proven|shown|demonstrat|tested/i, 'a proof'],
];

export function clinicalWordingProblems(ns: string, en: Catalogue, es: Catalogue): string[] {
  const fe = flatten(en);
  const problems: string[] = [];
  for (const [k, v] of flatten(es)) {
    const english = fe.get(k) ?? fe.get(`${k.replace(PLURAL, '')}_other`) ?? '';
    for (const [enRe, esRe, what] of MUST_KEEP)
      if (enRe.test(english) && !esRe.test(v))
        problems.push(`${ns}: "${k}" drops ${what} in Spanish ("${v.slice(0, 60)}")`);
    for (const [esRe, enRe, what] of MAY_NOT_ADD)
      if (esRe.test(v) && !enRe.test(english))
        problems.push(`${ns}: "${k}" adds ${what} in Spanish that English does not make ("${v.slice(0, 60)}")`);
  }
  return problems;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function readCatalogue(root: string, lng: string, ns: string): Catalogue | null {
  try {
    return JSON.parse(readFileSync(join(root, 'web/src/i18n/locales', lng, `${ns}.json`), 'utf8')) as Catalogue;
  } catch {
    return null;
  }
}

/** Every finding in the given folders of web/src (all of it by default). */
export function checkWeb(root: string, folders?: readonly string[]): Finding[] {
  const webSrc = join(root, 'web/src');
  const chosen = folders?.length ? folders.map((f) => join(webSrc, f)) : [webSrc];
  const out: Finding[] = [];
  const flatCache = new Map<string, Map<string, string> | null>();
  const flatOf = (ns: string) => {
    if (!flatCache.has(ns)) {
      const c = readCatalogue(root, 'en', ns);
      flatCache.set(ns, c ? flatten(c) : null);
    }
    return flatCache.get(ns)!;
  };
  for (const path of chosen.flatMap((d) => (statSync(d).isDirectory() ? files(d) : [d]))) {
    if (path.includes(`${join('web/src/i18n')}`)) continue;
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    out.push(...scanSource(file, text));
    for (const use of keysUsed(file, text)) {
      if (use.ns === null) {
        out.push({
          file,
          line: use.line,
          column: 1,
          problem: `t('${use.key}') without a namespace: call useTranslation('<namespace>') or write 'namespace:key'`,
        });
        continue;
      }
      const flat = flatOf(use.ns);
      if (!flat)
        out.push({ file, line: use.line, column: 1, problem: `namespace "${use.ns}" has no English catalogue` });
      else if (!hasKey(flat, use.key))
        out.push({
          file,
          line: use.line,
          column: 1,
          problem: `"${use.ns}:${use.key}"${use.prefix ? ' (prefix of a key built at run time)' : ''} is not in the English catalogue`,
        });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings = checkWeb(process.cwd(), process.argv.slice(2));
  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}  ${f.problem}`);
  console.log(`${findings.length} finding(s)`);
  process.exitCode = findings.length ? 1 : 0;
}
