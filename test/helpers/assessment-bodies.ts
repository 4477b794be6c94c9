/**
 * Request bodies of the assessment API that several API tests post as they are: a PSFS with three activities
 * (a free measure, so its QuestionnaireResponse is exported) and a navicular drop of 12 mm left, 7 mm right.
 * The figures tests expect from them are worked out in each test, by hand.
 */
export const psfsBody = (recordedAt: string, recordedBy = 'me') => ({
  measure: 'psfs',
  input: {
    activities: [
      { name: 'Stairs', rating: 4 },
      { name: 'Lifting', rating: 5 },
      { name: 'Running', rating: 2 },
    ],
  },
  recordedAt,
  recordedBy,
});

export const navicularDropBody = (recordedAt: string, recordedBy = 'me') => ({
  testId: 'navicular-drop',
  values: { left: 12, right: 7 },
  recordedAt,
  recordedBy,
});
