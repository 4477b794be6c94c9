import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateScreen, PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from './red-flags.js';
import { SCREEN_ANSWERS, SCREEN_RECORD_VERSION, SCREEN_RESULT, ScreenInput } from './screen-record.js';

test('stored answers and results of version 1 read back as written', () => {
  assert.equal(SCREEN_RECORD_VERSION, 1);
  // Rows as migration 0001's table holds them (JSON text), written by hand.
  const answers = JSON.parse('{"ce-bladder":true,"ce-saddle":false}');
  assert.deepEqual(SCREEN_ANSWERS.parse(answers), { 'ce-bladder': true, 'ce-saddle': false });
  const stop = JSON.parse(
    '{"status":"stop","urgency":"emergency","advice":"Go to A&E now.","flags":[{"id":"ce-bladder","concern":"pressure on the nerves","urgency":"emergency"}],"exclusions":[],"precautions":[]}',
  );
  assert.deepEqual(SCREEN_RESULT.parse(stop), stop);
  const clear = JSON.parse('{"status":"clear","exclusions":["ball-roll"],"precautions":["diabetes-feet"]}');
  assert.deepEqual(SCREEN_RESULT.parse(clear), clear);
});

test('every result the screen can score is one the stored form reads back', () => {
  const allNo = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
  const oneYes = { ...allNo, [RED_FLAG_QUESTIONS[0]!.id]: true };
  const precautions = { ...allNo, ...Object.fromEntries(PRECAUTION_QUESTIONS.map((q) => [q.id, true])) };
  for (const answers of [allNo, oneYes, precautions, { ...precautions, ...oneYes }]) {
    const { result } = evaluateScreen(answers);
    assert.ok(result);
    assert.deepEqual(SCREEN_RESULT.parse(JSON.parse(JSON.stringify(result))), result);
  }
});

test('a stored result that is not one of the two forms is refused', () => {
  assert.equal(SCREEN_RESULT.safeParse({ status: 'maybe' }).success, false);
  assert.equal(
    SCREEN_RESULT.safeParse({
      status: 'stop',
      urgency: 'soonish',
      advice: '',
      flags: [],
      exclusions: [],
      precautions: [],
    }).success,
    false,
  );
  assert.equal(SCREEN_RESULT.safeParse({ status: 'clear', exclusions: ['running'], precautions: [] }).success, false);
});

test('the API body: answers must be true or false, at the answer', () => {
  const r = ScreenInput.safeParse({ answers: { 'ce-bladder': 'yes' } });
  assert.deepEqual(
    r.error!.issues.map((i) => [i.path.join('.'), i.message]),
    [['answers.ce-bladder', 'must be true or false']],
  );
  assert.equal(ScreenInput.safeParse({ answers: {}, birthYear: 1850 }).success, false);
  assert.equal(ScreenInput.safeParse({ answers: {}, extra: 1 }).success, false);
});
