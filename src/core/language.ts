/**
 * The languages Footing writes a patient's texts in (issue 14 item 8): English, the source, and Spanish. The web app
 * sends the language on screen as Accept-Language; the server writes the plan, the safety check and the review in
 * it. Clinician-only texts (reports, monitoring) stay English.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language an Accept-Language header asks for: the first of Footing's languages in the header's order of
 * preference (q values, then position), English when it names neither or is absent. "es-ES" and "es-419" are
 * Spanish; "*" and languages Footing does not speak are passed over.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  const ranges = header.split(',').map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    return {
      primary: tag.trim().toLowerCase().split('-')[0] ?? '',
      weight: Number.isFinite(weight) ? weight : 0,
      index,
    };
  });
  ranges.sort((a, b) => b.weight - a.weight || a.index - b.index);
  const first = ranges.find((r) => r.weight > 0 && (LANGUAGES as readonly string[]).includes(r.primary));
  return (first?.primary as Language | undefined) ?? 'en';
}
