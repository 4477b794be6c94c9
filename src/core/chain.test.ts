import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHAIN_DISCLAIMER, explainChain, REGION_SEGMENT } from './chain.js';
import { CHAIN_SEGMENTS, type ChainSegment, type Finding } from './findings.js';
import { BODY_REGIONS } from './pain.js';

const finding = (segment: ChainSegment, status: Finding['status'], label = 'x'): Finding => ({
  source: 'test', segment, side: 'left', label, value: '1', reference: 'r', status, plain: 'p', evidence: 'COH', refs: [], recordedAt: '2026-11-01T00:00:00Z', recordedBy: 'me',
});

test('Given no data, every link says nothing was measured and suggests how to measure it', () => {
  const ex = explainChain({ findings: [], pain: [] });
  assert.equal(ex.links.length, CHAIN_SEGMENTS.length - 1);
  for (const l of ex.links) {
    assert.equal(l.status, 'missing');
    assert.match(l.finding, /Nothing measured/);
    assert.ok(l.missing.length > 0);
  }
  assert.equal(ex.disclaimer, CHAIN_DISCLAIMER);
});

test('The evidence of each link follows DOMAIN.md: lab studies low in the chain, a hypothesis at the neck', () => {
  const ex = explainChain({ findings: [], pain: [] });
  const byLink = Object.fromEntries(ex.links.map((l) => [`${l.from}>${l.to}`, l.evidence]));
  assert.equal(byLink['foot>ankle'], 'LAB'); // [8] induced hyperpronation, healthy, standing
  assert.equal(byLink['sacrum>spine'], 'COH'); // [1] Framingham, cross-sectional
  assert.equal(byLink['spine>neck'], 'HYP'); // §1 1.12 not evaluated
  assert.equal(ex.links.find((l) => l.to === 'neck')!.strength, 'an idea, not proven');
});

test('A link is notable, typical or mixed by the findings at its lower end', () => {
  const ex = explainChain({ findings: [finding('foot', 'notable'), finding('ankle', 'typical'), finding('knee', 'notable'), finding('knee', 'typical')], pain: [] });
  const status = Object.fromEntries(ex.links.map((l) => [l.from, l.status]));
  assert.deepEqual([status.foot, status.ankle, status.knee, status.hip], ['notable', 'typical', 'mixed', 'missing']);
});

test('Pain marks land on their chain segment and the explanation never says "diagnosis"', () => {
  fc.assert(fc.property(fc.array(fc.record({ region: fc.constantFrom(...BODY_REGIONS), side: fc.constantFrom('left', 'right'), intensity: fc.integer({ min: 0, max: 10 }) })), (pain) => {
    const ex = explainChain({ findings: [], pain });
    for (const p of pain.filter((p) => p.intensity > 0)) assert.ok(ex.painSegments.includes(REGION_SEGMENT[p.region]));
    const text = JSON.stringify(ex).toLowerCase();
    assert.ok(!/diagnos(is|e|ed)\b/.test(text.replace(CHAIN_DISCLAIMER.toLowerCase(), '')));
  }), { numRuns: 100 });
});

test('Pain marked at a link is said in words, not stored values ("Lower back", not "low-back centre")', () => {
  const ex = explainChain({ findings: [], pain: [{ region: 'heel', side: 'left', intensity: 6 }, { region: 'foot-sole', side: 'both', intensity: 3 }] });
  const foot = ex.links.find((l) => l.from === 'foot')!;
  assert.equal(foot.finding, 'Nothing measured at the foot yet. Pain marked here: Left heel 6/10, Sole of the foot 3/10.');
});
