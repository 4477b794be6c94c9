/**
 * Text Footing wrote in English, made Spanish: an exact sentence from a table, else the first pattern that matches
 * (its figures read back from the match), else the English as it came. Shared by the texts kept or sent in English
 * (validation-texts.ts, report-chart-texts.ts).
 */
export type EnglishPatterns = readonly [RegExp, (m: RegExpExecArray) => string][];

export function fromEnglish(english: string, fixed: ReadonlyMap<string, string>, patterns: EnglishPatterns): string {
  const exact = fixed.get(english);
  if (exact !== undefined) return exact;
  for (const [re, make] of patterns) {
    const m = re.exec(english);
    if (m) return make(m);
  }
  return english;
}
