/**
 * `footing explain`: the current chain explanation, link by link with evidence levels and citations, the program's
 * decision, and a References block with the full reference of each source cited.
 */
import { FINDING_STATUS_WORDS } from '../core/findings.js';
import { LINK_STATUS_WORDS, measureName } from '../core/measure-names.js';
import { citationList, citeInline, refIdsIn, referencesBlock } from '../core/citations.js';
import { isIsoDate, localCalendarDate } from '../core/dates.js';
import { EVIDENCE_LEVELS } from '../core/evidence.js';
import { usageError } from './cli-error.js';
import { DB_OPTION, type Command } from './command.js';
import { openCliStore } from './open-store.js';
import { EMAIL_OPTION, personForCommand } from './cli-person.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Show the chain explanation and the program decision',
  usage: 'footing explain [--db PATH] [--date YYYY-MM-DD] [--clinician] [--json]',
  options: {
    db: DB_OPTION,
    email: EMAIL_OPTION,
    date: { type: 'string', description: 'The day to decide for (default: today)' },
    clinician: { type: 'boolean', description: 'Show figures and references for a clinician' },
    json: { type: 'boolean', description: 'Print one JSON object' },
  },
  async run({ values, out }) {
    const given = typeof values.date === 'string' ? values.date : undefined;
    if (given !== undefined && !isIsoDate(given))
      throw usageError(`--date must be a calendar date like 2026-11-25 (got "${given}")`);
    const today = given ?? localCalendarDate(new Date());
    const store = await openCliStore(typeof values.db === 'string' ? values.db : undefined);
    try {
      const personId = await personForCommand(store, values.email);
      // Loaded here: the use cases bring much of the store's and the core's code, which most commands never need.
      const { explainFor } = await import('../services/assessment-service.js');
      const { getToday } = await import('../services/program-service.js');
      const state = await getToday(store.db, personId, today);
      const ex = await explainFor(store.db, personId);
      const decision = state.decision
        ? {
            action: state.decision.action,
            reasons: state.decision.reasons.map((r) => r.text),
            referral: state.decision.referral.map((r) => r.text),
            rescreen_due: state.decision.rescreen.due,
          }
        : {
            action: 'none',
            reasons: ['No program yet: answer the safety questions first (footing serve, then open the app).'],
            referral: [],
            rescreen_due: true,
          };
      if (values.json) {
        out.write(
          `${JSON.stringify({
            links: ex.links.map((l) => ({
              from: l.from,
              to: l.to,
              status: l.status,
              finding: l.finding,
              meaning: l.meaning,
              evidence: l.evidence,
              strength: l.strength,
              refs: l.refs,
              missing: l.missing,
            })),
            whole_body: ex.wholeBody.map((f) => ({
              label: f.label,
              value: f.value,
              status: f.status,
              evidence: f.evidence,
              refs: f.refs,
              ...(f.measuredFrom ? { measured_from: f.measuredFrom } : {}),
            })),
            decision,
            disclaimer: ex.disclaimer,
          })}\n`,
        );
        return;
      }
      const lines: string[] = ['Your chain, from the feet up', ''];
      for (const l of ex.links) {
        lines.push(`${l.from} -> ${l.to}  [${LINK_STATUS_WORDS[l.status]}]`);
        lines.push(`  Found: ${l.finding}`);
        lines.push(`  What it may mean: ${values.clinician ? citeInline(l.clinician) : l.meaning}`);
        lines.push(
          `  Strength: ${l.strength} (${l.evidence}: ${EVIDENCE_LEVELS[l.evidence]})${l.refs.length ? `; ${citationList(l.refs)}` : ''}`,
        );
        if (l.missing.length) lines.push(`  To measure: ${l.missing.map(measureName).join('; ')}`);
        lines.push('');
      }
      if (ex.wholeBody.length) {
        lines.push('Whole body');
        for (const f of ex.wholeBody)
          lines.push(
            `  ${f.label}: ${f.value} (${FINDING_STATUS_WORDS[f.status]}${f.measuredFrom ? `, ${f.measuredFrom}` : ''}) ${values.clinician ? f.reference : f.plain}`,
          );
        lines.push('');
      }
      lines.push(`Program decision: ${decision.action}`);
      for (const r of decision.reasons) lines.push(`  - ${r}`);
      for (const r of decision.referral) lines.push(`  See a clinician: ${r}`);
      if (decision.rescreen_due) lines.push('  The safety questions are due again.');
      lines.push('', ex.disclaimer, '');
      const cited = referencesBlock([
        ...ex.links.flatMap((l) => [...(values.clinician ? refIdsIn(l.clinician) : []), ...l.refs]),
        ...ex.wholeBody.flatMap((f) => f.refs),
      ]);
      if (cited.length) lines.push(...cited, '');
      out.write(lines.join('\n'));
    } finally {
      await store.close();
    }
  },
};
