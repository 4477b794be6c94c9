/** How to get walking data out of the devices people own, one short recipe each. */

export function ExportHelp() {
  return (
    <section className="card export-help" aria-labelledby="export-help-title">
      <h2 id="export-help-title">How to get your file</h2>
      <details>
        <summary>iPhone (Apple Health)</summary>
        <ol>
          <li>Open the <strong>Health</strong> app.</li>
          <li>Tap your picture or initials (top right).</li>
          <li>Scroll down and tap <strong>Export All Health Data</strong>, then <strong>Export</strong>. It can take a few minutes.</li>
          <li>Save <strong>export.zip</strong> to Files (or AirDrop it to your computer) and choose it here. No need to unzip it.</li>
        </ol>
        <p className="muted small">Footing keeps steps, distance, walking speed, step length, walking asymmetry, double support, steadiness and walking workouts, and ignores the rest.</p>
      </details>
      <details>
        <summary>Garmin watch</summary>
        <ol>
          <li>On a computer, open <strong>Garmin Connect</strong> (connect.garmin.com) and open a walk.</li>
          <li>Click the gear icon, then <strong>Export Original</strong> (a .zip holding a .fit file: unzip it and choose the .fit) or <strong>Export to TCX</strong>.</li>
        </ol>
        <p className="muted small">Other watches that save FIT files (Coros, Suunto, Wahoo) work the same way.</p>
      </details>
      <details>
        <summary>Fitbit</summary>
        <p>Footing reads Fitbit’s <strong>daily activity CSV</strong> files: <strong>dailyActivity_merged.csv</strong> (steps and distance per day) or <strong>dailySteps_merged.csv</strong>, as Fitabase and research studies export them. If your clinic or study gave you one of these, choose it here.</p>
        <p className="muted small">The files Fitbit’s own account export (Google Takeout) makes are not read yet: log those days by hand below.</p>
      </details>
      <details>
        <summary>Other apps (GPX)</summary>
        <p>Walking and hiking apps (Strava, Komoot, OsmAnd, AllTrails and others) can export a walk as a <strong>GPX</strong> file, usually from the walk’s share or export menu. Footing works out the distance from the track.</p>
      </details>
      <p className="muted small">Your file is read on the Footing server you use and deleted as soon as it has been imported; only the walking figures are kept.</p>
    </section>
  );
}
