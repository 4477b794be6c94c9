import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateScreen, PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from './red-flags.js';
import { summariseScreen } from './screen-summary.js';

/** Every question "no" except the ids named "yes". */
function answersWith(yes: string[]): Record<string, boolean> {
  return Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, yes.includes(q.id)]));
}
const summary = (yes: string[]) => {
  const answers = answersWith(yes);
  return summariseScreen(answers, evaluateScreen(answers).result!);
};

test('Given a "yes" to new trouble passing urine and to a fever, then the page says emergency care now, the emergency concern first', () => {
  const s = summary(['fever', 'ce-bladder']);
  assert.equal(s.stopped, true);
  assert.deepEqual(s.care, {
    urgency: 'emergency',
    advice: 'Get emergency care now: go to an emergency department or call your local emergency number.',
  });
  // Emergency (cauda equina) before same day (infection), written out from red-flags.ts by hand.
  assert.deepEqual(s.concerns, ['pressure on the nerves at the bottom of the spine', 'an infection']);
  const back = s.groups.find((g) => g.area === 'back')!;
  const bladder = back.questions[0]!;
  assert.equal(
    bladder.question,
    'Since your back pain started, have you had new trouble passing urine, or leaked urine without meaning to?',
  );
  assert.equal(bladder.answer, 'Yes');
  assert.deepEqual(bladder.flag, {
    concern: 'pressure on the nerves at the bottom of the spine',
    urgency: 'emergency',
  });
  assert.deepEqual(back.questions[1]!, {
    question: 'Have you had new trouble controlling your bowels?',
    answer: 'No',
    flag: null,
    changes: null,
  });
  const fever = s.groups.find((g) => g.area === 'general')!.questions.find((q) => q.answer === 'Yes')!;
  assert.deepEqual(fever.flag, { concern: 'an infection', urgency: 'same_day' });
});

test('Every question is on the page once, in the groups the check asks them, with the precautions last', () => {
  const s = summary(['dvt']);
  assert.deepEqual(
    s.groups.map((g) => g.area),
    ['back', 'neck', 'foot', 'general', 'precautions'],
  );
  assert.equal(s.groups.flatMap((g) => g.questions).length, RED_FLAG_QUESTIONS.length + PRECAUTION_QUESTIONS.length);
  assert.equal(s.groups.flatMap((g) => g.questions).filter((q) => q.answer === 'Yes').length, 1);
  assert.deepEqual(s.care?.urgency, 'same_day'); // a blood clot in the leg: same day
});

test('A precaution "yes" says what it changes; a clear check has no care advice and no concerns', () => {
  const s = summary(['blood-thinners']);
  assert.equal(s.stopped, false);
  assert.equal(s.care, null);
  assert.deepEqual(s.concerns, []);
  const thinners = s.groups.at(-1)!.questions.find((q) => q.answer === 'Yes')!;
  assert.equal(thinners.changes, 'Ball rolling can bruise when you take blood thinners.');
});

test('An answer missing from an old record reads "Not answered", never "No"', () => {
  const answers = answersWith(['ce-bowel']);
  delete answers['night-pain'];
  const s = summariseScreen(answers, {
    status: 'stop',
    urgency: 'emergency',
    advice: 'x',
    flags: [],
    exclusions: [],
    precautions: [],
  });
  assert.equal(
    s.groups.flatMap((g) => g.questions).find((q) => q.question.startsWith('Is the pain there all night'))!.answer,
    'Not answered',
  );
});

test('In Spanish, the questions, what a "yes" may point to and what a precaution changes are the Spanish ones; keys and answers stay the same', () => {
  const answers = answersWith(['ce-bladder', 'blood-thinners']);
  const s = summariseScreen(answers, evaluateScreen(answers).result!, 'es');
  const bladder = s.groups.find((g) => g.area === 'back')!.questions[0]!;
  assert.equal(
    bladder.question,
    'Desde que empezó tu dolor de espalda, ¿has tenido nuevos problemas para orinar, o se te ha escapado la orina sin querer?',
  );
  assert.deepEqual(
    [bladder.answer, bladder.flag?.concern, bladder.flag?.urgency],
    ['Yes', 'presión sobre los nervios de la parte baja de la columna', 'emergency'],
  );
  assert.deepEqual(s.concerns, ['presión sobre los nervios de la parte baja de la columna']);
  const thinners = s.groups.at(-1)!.questions.find((q) => q.answer === 'Yes')!;
  assert.deepEqual(
    [thinners.question, thinners.changes],
    [
      '¿Tomas anticoagulantes y te salen moratones con facilidad?',
      'Rodar la pelota puede causar moratones si tomas anticoagulantes.',
    ],
  );
  // Nothing English is left among the questions (each Spanish one starts with an inverted question mark or a Spanish word).
  assert.equal(
    s.groups.flatMap((g) => g.questions).filter((q) => /^(Have|Do|Is|Are|Since|Did|Has)\b/.test(q.question)).length,
    0,
  );
});
