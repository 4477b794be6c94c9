import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRECAUTION_QUESTIONS, RED_FLAG_QUESTIONS } from '../core/red-flags.js';
import { migrate, openStore } from '../store/db.js';
import { ensureLocalPerson } from '../store/repos/people.js';
import { saveSession } from '../store/repos/sessions.js';
import { insertGaitAnalysis } from '../store/repos/gait-analyses.js';
import type { StoredGaitAnalysis } from '../gait/gait-analysis-record.js';
import { submitScreen } from '../services/program-service.js';
import { runCli } from '../../test/helpers/cli.js';
import { COMMANDS } from './commands.js';

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), 'footing-cli-'));

test('Given no command, help is printed and the exit code says usage', async () => {
  const r = await run([]);
  assert.equal(r.code, 2);
  assert.match(r.out, /Commands:/);
  for (const name of ['serve', 'migrate', 'export', 'import-backup']) assert.match(r.out, new RegExp(`\\b${name}\\b`));
});

test('Every command answers --help with its options', async () => {
  for (const name of ['serve', 'migrate', 'export', 'import-backup']) {
    const r = await run([name, '--help']);
    assert.equal(r.code, 0, name);
    assert.match(r.out, /--db/, name);
  }
});

test("In every command's help each option stands apart from its description (--password-file VALUERead once ran together)", async () => {
  for (const c of COMMANDS) {
    const r = await run([c.name, '--help']);
    assert.equal(r.code, 0, c.name);
    for (const [k, o] of Object.entries(c.options)) {
      const label = `--${k}${o.type === 'string' ? ' VALUE' : ''}`;
      const line = r.out.split('\n').find((l) => l.trimStart().startsWith(`${label} `) || l.trimStart() === label);
      assert.ok(line, `${c.name}: no help line for ${label}`);
      assert.match(line!, new RegExp(`^  ${label.replace(/[-]/g, '\\-')} {2,}\\S`), `${c.name}: ${line}`);
    }
  }
});

test('Bad arguments give one line naming the problem and a non-zero exit', async () => {
  const unknown = await run(['export', '--colour']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /--colour/);
  assert.equal(unknown.err.trim().split('\n').length, 1);
  const format = await run(['export', '--format', 'xml', '--db', join(dir, 'a.sqlite')]);
  assert.equal(format.code, 2);
  assert.match(format.err, /--format must be json or fhir \(got "xml"\)/);
  const port = await run(['serve', '--port', 'eighty']);
  assert.equal(port.code, 2);
  assert.match(port.err, /--port/);
  for (const bad of ['', '1e3', '0x50', '70000', '-1']) {
    // Number() would take the first three
    const r = await run(['serve', `--port=${bad}`]);
    assert.equal(r.code, 2, bad);
    assert.match(r.err, new RegExp(`--port must be a whole number from 0 to 65535 \\(got "${bad}"\\)`), bad);
  }
  const missing = await run(['import-backup']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /missing FILE/);
});

test('export then import-backup moves all data to a new database; a bad backup imports nothing', async () => {
  const source = join(dir, 'source.sqlite');
  const store = openStore({ kind: 'sqlite', path: source });
  await migrate(store);
  const me = await ensureLocalPerson(store.db);
  const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
  await submitScreen(store.db, me.id, { answers }, '2026-11-01');
  await saveSession(store.db, me.id, 1, {
    clientId: 'cli-test-session-1',
    startedAt: '2026-11-01T09:00:00+00:00',
    completedAt: '2026-11-01T09:05:00+00:00',
    items: [
      { exercise: 'ball-roll', position: 'sitting', completed: true, setsDone: 0, repsDone: 0, secondsDone: 120 },
    ],
    painAfter: { foot: 2 },
  });
  await store.close();

  const file = join(dir, 'backup.json');
  const exp = await run(['export', '--format', 'json', '--out', file, '--db', source]);
  assert.equal(exp.code, 0, exp.err);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(backup.sessions.length, 1);
  assert.equal(backup.checkins.length, 1);

  const target = join(dir, 'target.sqlite');
  const bad = structuredClone(backup);
  bad.sessions[0].started_at = 12;
  const badFile = join(dir, 'bad.json');
  writeFileSync(badFile, JSON.stringify(bad));
  const refused = await run(['import-backup', badFile, '--db', target]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /sessions\[0\]\.started_at/);
  assert.match(refused.err, /Nothing was imported/);

  const imp = await run(['import-backup', file, '--db', target]);
  assert.equal(imp.code, 0, imp.err);
  assert.match(imp.out, /sessions 1/);
  const again = await run(['import-backup', file, '--db', target]);
  assert.match(again.out, /Restored 0 records/);

  const check = openStore({ kind: 'sqlite', path: target });
  const sessions = await check.db.selectFrom('sessions').selectAll().execute();
  const checkins = await check.db.selectFrom('checkins').selectAll().execute();
  await check.close();
  assert.equal(sessions.length, 1);
  assert.equal(sessions[0]!.client_id, 'cli-test-session-1');
  assert.deepEqual(
    checkins.map((c) => c.foot),
    [2],
  );
});

test('A truncated backup file is refused with the byte position', async () => {
  const file = join(dir, 'truncated.json');
  writeFileSync(file, '{"format":"footing-backup","vers');
  const r = await run(['import-backup', file, '--db', join(dir, 'c.sqlite')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /not valid JSON/);
});

test('footing explain --json prints links from the feet up with evidence, and the decision; the text cites its sources', async () => {
  const db = join(dir, 'explain.sqlite');
  const store = openStore({ kind: 'sqlite', path: db });
  await migrate(store);
  const me = await ensureLocalPerson(store.db);
  const answers = Object.fromEntries([...RED_FLAG_QUESTIONS, ...PRECAUTION_QUESTIONS].map((q) => [q.id, false]));
  await submitScreen(store.db, me.id, { answers }, '2026-11-01');
  // A walk filmed from the side: cadence 90 steps/min against 100-120 (outside), double support with no range.
  await insertGaitAnalysis(store.db, me.id, {
    recordedAt: '2026-11-01T10:00:00.000Z',
    recordedBy: 'person',
    sourceName: 'walk.mp4',
    view: 'side',
    keypoints: null,
    videoPath: null,
    analysis: {
      video: 'walk.mp4',
      fps: 30,
      frames: 300,
      view: 'side',
      direction: 'left-to-right',
      setting: 'overground',
      mode: 'walk',
      events: { left: { heel_strike: [], toe_off: [] }, right: { heel_strike: [], toe_off: [] } },
      warnings: [],
      tracks: [],
      track_id: null,
      metrics: {
        cadence_spm: {
          value: 90,
          confidence: 0.8,
          reference: { min: 100, max: 120, unit: 'steps/min', source: 'ref 25' },
        },
        double_support_pct: { value: 24, confidence: 0.7 },
      },
    } as unknown as StoredGaitAnalysis, // metric names typed by hand, not as analysis-json.ts lists them
  });
  await store.close();
  const r = await run(['explain', '--db', db, '--date', '2026-11-02', '--json']);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.equal(out.links[0].from, 'foot');
  assert.equal(out.links.at(-1).to, 'neck');
  for (const l of out.links) {
    assert.equal(typeof l.finding, 'string');
    assert.ok(['GL-A', 'GL-B', 'GL-NICE', 'SR/MA', 'RCT', 'COH', 'LAB', 'CONS', 'EO', 'HYP'].includes(l.evidence));
    assert.ok(Array.isArray(l.refs));
  }
  assert.equal(out.decision.action, 'hold'); // one day in: not a week at the stage yet
  assert.ok(out.decision.reasons.length > 0);

  // The text cites each link's sources by author and year and lists them in full at the end; no file names.
  const text = await run(['explain', '--db', db, '--date', '2026-11-02']);
  assert.equal(text.code, 0, text.err);
  assert.match(
    text.out,
    /^foot -> ankle .*\n.*\n.*\n {2}Strength: some support \(LAB: Laboratory study in healthy people\); Khamis and Yizhar, 2007; Martin et al\., 2014$/m,
  );
  const block = text.out.slice(text.out.indexOf('\nReferences\n'));
  assert.match(
    block,
    /^- Khamis and Yizhar, 2007: Khamis S, Yizhar Z \(2007\)\. Effect of feet hyperpronation on pelvic alignment in a standing position\. Gait Posture 2007;25\(1\):127–34\. https:\/\/doi\.org\/10\.1016\/j\.gaitpost\.2006\.02\.005$/m,
  );
  assert.equal(block.match(/^- Khamis and Yizhar, 2007:/gm)?.length, 1, 'each source once');
  assert.match(block, /^- Menz et al\., 2013a: /m);
  assert.doesNotMatch(text.out, /DOMAIN|\.md\b|§/);
  // Statuses and what to measure in words, not ids: nothing is measured yet, so each link says so.
  assert.match(text.out, /^foot -> ankle {2}\[not measured yet\]$/m);
  assert.match(
    text.out,
    /^ {2}To measure: Navicular drop; Foot Posture Index \(FPI-6\) total; Windlass test; Single-leg heel raise count$/m,
  );
  assert.doesNotMatch(text.out, /navicular-drop|foot-posture-index|\[missing\]/);
  // The whole-body findings' statuses in words too, not their stored values.
  assert.match(text.out, /^ {2}Cadence: 90 steps\/min \(outside the usual range\) /m);
  assert.match(
    text.out,
    /^ {2}Double support \(both feet down\): 24 % of stride \(no validated reference to compare with\) /m,
  );
  assert.doesNotMatch(text.out, /\((notable|typical|borderline|not-interpretable)[,)]/);
  // For a clinician, the numbers inside the figures read as citations too, and join the block.
  const clin = await run(['explain', '--db', db, '--date', '2026-11-02', '--clinician']);
  assert.match(
    clin.out,
    /Knee flexion norms in gait: IC 0-5°, loading peak 15-20°, swing peak 60-70° \(Perry and Burnfield, 2010\) \(EO\)\./,
  );
  assert.match(
    clin.out.slice(clin.out.indexOf('\nReferences\n')),
    /^- Perry and Burnfield, 2010: Perry J, Burnfield JM \(2010\)\. Gait Analysis/m,
  );
  assert.doesNotMatch(clin.out, /\[\d+[a-z]?\]|DOMAIN|\.md\b|§/);

  const bad = await run(['explain', '--db', db, '--date', 'yesterday']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--date/);
});

test('On an install with accounts, data commands need --email and act on that patient only', async () => {
  const db = join(dir, 'accounts.sqlite');
  const store = openStore({ kind: 'sqlite', path: db });
  await migrate(store);
  await store.close();
  const pw = join(dir, 'pw.txt');
  writeFileSync(pw, 'correct horse battery staple\n');
  const added = await run([
    'user',
    'add',
    '--role',
    'patient',
    '--email',
    'pat@example.org',
    '--password-file',
    pw,
    '--db',
    db,
  ]);
  assert.equal(added.code, 0, added.err);
  const noEmail = await run(['export', '--format', 'json', '--db', db]);
  assert.equal(noEmail.code, 2);
  assert.match(noEmail.err, /--email/);
  const unknown = await run(['export', '--format', 'json', '--db', db, '--email', 'nobody@example.org']);
  assert.equal(unknown.code, 1);
  const ok = await run(['export', '--format', 'json', '--db', db, '--email', 'pat@example.org']);
  assert.equal(ok.code, 0, ok.err);
  assert.equal(JSON.parse(ok.out).format, 'footing-backup');
  const local = await run([
    'export',
    '--format',
    'json',
    '--db',
    join(dir, 'source.sqlite'),
    '--email',
    'pat@example.org',
  ]);
  assert.equal(local.code, 2); // local mode has no accounts to name
});
