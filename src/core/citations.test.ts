import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  authorsShort,
  citation,
  citationList,
  citeInline,
  fullCitation,
  refIdsIn,
  referenceLink,
  referencesBlock,
  shortCitation,
  splitCitations,
  surname,
} from './citations.js';
import { REFERENCES, referenceById } from './references.js';

const ref = (id: string) => referenceById(id)!;

// Expected strings written by hand from DOMAIN.md's list.
test('Given an author as DOMAIN.md writes it, when shortened, then the surname stays and the initials go', () => {
  assert.equal(surname('Hollman JH'), 'Hollman');
  assert.equal(surname('De Garceau D'), 'De Garceau');
  assert.equal(surname('Koc TA Jr'), 'Koc');
  assert.equal(surname('Hébert-Losier K'), 'Hébert-Losier');
  assert.equal(surname('Menz HB et al.'), 'Menz');
  assert.equal(surname('NICE'), 'NICE');
  assert.equal(surname('NHS Gloucestershire'), 'NHS Gloucestershire');
});

test('Given author lists, when shortened, then one reads as a name, two as "A and B", three or "et al." as "A et al."', () => {
  assert.equal(authorsShort('Brody DM'), 'Brody');
  assert.equal(authorsShort('Khamis S, Yizhar Z'), 'Khamis and Yizhar');
  // In Spanish text the two names are joined the Spanish way; "et al." is the same in both.
  assert.equal(authorsShort('Khamis S, Yizhar Z', 'es'), 'Khamis y Yizhar');
  assert.equal(authorsShort('Hollman JH, McDade EM, Petersen RC', 'es'), 'Hollman et al.');
  assert.equal(authorsShort('Hollman JH, McDade EM, Petersen RC'), 'Hollman et al.');
  assert.equal(authorsShort('Tudor-Locke C et al.'), 'Tudor-Locke et al.');
  assert.equal(authorsShort('Pocovi NC, Lin CWC, French SD, et al.'), 'Pocovi et al.');
  assert.equal(authorsShort(''), '');
});

test('Given references, when cited, then each reads "authors, year" as in a journal', () => {
  assert.equal(citation('25'), 'Hollman et al., 2011');
  assert.equal(citation('7'), 'Tudor-Locke et al., 2018');
  assert.equal(citation('8'), 'Khamis and Yizhar, 2007');
  assert.equal(citation('26'), 'Perry and Burnfield, 2010');
  assert.equal(citation('28'), 'Brody, 1982');
  assert.equal(citation('14'), 'Koc et al., 2023');
  assert.equal(citation('17'), 'De Garceau et al., 2003');
  assert.equal(citation('33'), 'NICE, 2016');
  assert.equal(citation('38'), 'NICE, 2015');
});

test('Given references without authors or a year, when cited, then their short title and what is known stand in', () => {
  assert.equal(citation('1b'), 'Framingham Foot Study');
  assert.equal(citation('15a'), 'Self-myofascial release of the foot, 2023');
  assert.equal(citation('35'), 'NHS Gloucestershire');
  assert.equal(citation('41'), 'SRALab RehabMeasures: ODI');
  assert.equal(citation('44a'), 'SRALab RehabMeasures: FAAM');
});

test('Given two references with the same authors and year, when cited, then each gets a letter in list order', () => {
  assert.equal(citation('1'), 'Menz et al., 2013a');
  assert.equal(citation('1a'), 'Menz et al., 2013b');
});

test('Given every reference, when cited, then no two citations read the same', () => {
  const seen = new Map<string, string>();
  for (const r of REFERENCES) {
    const c = shortCitation(r);
    assert.ok(!seen.has(c), `[${r.id}] and [${seen.get(c)}] both read "${c}"`);
    seen.set(c, r.id);
  }
});

test('Given several ids, when listed, then the citations are joined with semicolons; an unknown id is said plainly', () => {
  assert.equal(citationList(['21', '21a']), 'Bohannon and Andrews, 2011; Andrews et al., 2023');
  assert.equal(citationList([]), '');
  assert.equal(citation('99'), 'unknown reference 99');
});

test('Given a reference, when its link is asked for, then a DOI becomes a doi.org address, else its web address, else none', () => {
  assert.equal(referenceLink(ref('25')), 'https://doi.org/10.1016/j.gaitpost.2011.03.024');
  assert.equal(referenceLink(ref('33')), 'https://www.nice.org.uk/guidance/ng59');
  assert.equal(referenceLink(ref('26')), null);
});

test('Given a reference, when written in full, then it reads authors (year). Title. Where. Link. Note. Also', () => {
  assert.equal(
    fullCitation(ref('25')),
    'Hollman JH, McDade EM, Petersen RC (2011). Normative spatiotemporal gait parameters in older adults. Gait Posture 2011;34(1):111–8. https://doi.org/10.1016/j.gaitpost.2011.03.024',
  );
  assert.equal(
    fullCitation(ref('1')),
    'Menz HB, Dufour AB, Riskowski JL, Hillstrom HJ, Hannan MT (2013). Foot posture, foot function and low back pain: the Framingham Foot Study. Rheumatology (Oxford) 2013;52(12):2275–82. https://doi.org/10.1093/rheumatology/ket298 DOI unverified.',
  );
  assert.equal(
    fullCitation(ref('3')),
    'Sahar T et al. (2009). Insoles for prevention and treatment of back pain. Cochrane Database Syst Rev 2009; CD005275.pub2. https://doi.org/10.1002/14651858.CD005275.pub2',
  );
  assert.equal(
    fullCitation(ref('7')),
    'Tudor-Locke C et al. (2018). How fast is fast enough? Walking cadence as a practical estimate of intensity in adults. Br J Sports Med 2018/2020. https://doi.org/10.1136/bjsports-2017-097628',
  );
  assert.equal(
    fullCitation(ref('1b')),
    'Framingham Foot Study: foot pain, posture, function and falls. PubMed Central PMC5501294. https://pmc.ncbi.nlm.nih.gov/articles/PMC5501294 Authors and year not captured.',
  );
  assert.equal(
    fullCitation(ref('35')),
    'NHS Gloucestershire. G-care: back pain red flags pathway (summarises NICE/CKS). NHS Gloucestershire G-care (web page). https://g-care.glos.nhs.uk/pathway/71/resource/3',
  );
  assert.equal(
    fullCitation(ref('40')),
    'Fairbank JC, Pynsent PB (2000). The Oswestry Disability Index. Spine 2000;25(22):2940–52. Also: Mannion AF et al. German ODI responsiveness. Eur Spine J 2006;15:66–73. https://doi.org/10.1007/s00586-004-0816-z',
  );
});

test('Given a reference range source, when read for ids, then the bracketed numbers come out and the section pointer does not', () => {
  assert.deepEqual(refIdsIn('DOMAIN.md §2c [25]'), ['25']);
  assert.deepEqual(refIdsIn('DOMAIN.md §2c [21][21a]'), ['21', '21a']);
  assert.deepEqual(refIdsIn('DOMAIN.md §2b 2.7'), []);
});

test('Given cited ids, when a References block is made, then each is listed once, in first-cited order, with its full reference', () => {
  assert.deepEqual(referencesBlock(['26', '21', '26']), [
    'References',
    '- Perry and Burnfield, 2010: Perry J, Burnfield JM (2010). Gait Analysis: Normal and Pathological Function. 2nd ed. SLACK 2010. Textbook values (expert opinion).',
    '- Bohannon and Andrews, 2011: Bohannon RW, Andrews AW (2011). Normal walking speed: descriptive meta-analysis. Physiotherapy 2011;97(3):182–9. https://doi.org/10.1016/j.physio.2010.12.004',
  ]);
  assert.deepEqual(referencesBlock([]), []);
});

test('Given a text that cites by number, when split, then each run of known numbers is one part and the words stay', () => {
  assert.deepEqual(splitCitations('null for treatment [2][3]; custom orthoses [4].'), [
    { text: 'null for treatment' },
    { refs: ['2', '3'] },
    { text: '; custom orthoses' },
    { refs: ['4'] },
    { text: '.' },
  ]);
  assert.deepEqual(splitCitations('no numbers here'), [{ text: 'no numbers here' }]);
  assert.deepEqual(splitCitations('an array a[0] and [99]'), [{ text: 'an array a[0] and [99]' }]);
});

test('Given a text that cites by number, when cited inline, then the numbers read as authors and years', () => {
  assert.equal(
    citeInline('Internal shank rotation with induced pronation [8] (LAB, standing, healthy).'),
    'Internal shank rotation with induced pronation (Khamis and Yizhar, 2007) (LAB, standing, healthy).',
  );
  assert.equal(
    citeInline(
      'Insoles: meta-analyses null for treatment and prevention [2][3]; custom orthoses moderate evidence in chronic LBP [4].',
    ),
    'Insoles: meta-analyses null for treatment and prevention (Chuter et al., 2014; Sahar et al., 2009); custom orthoses moderate evidence in chronic LBP (Kong et al., 2020).',
  );
});
