/** First run: what Footing is and is not, and how to read the evidence labels, before the safety check. */
import { Link, ScreenTitle } from '../ui/common.js';

export function Welcome() {
  return (
    <section className="screen">
      <ScreenTitle>Welcome to Footing</ScreenTitle>
      <p className="lead">A daily foot program for people with back or neck pain: a walk, rolling a ball under each foot, and later a small toe exercise.</p>
      <div className="card">
        <h2>What Footing is</h2>
        <ul>
          <li>A plan for each day that starts gently and grows only while your pain stays within safe limits.</li>
          <li>A guided session with a timer and spoken cues.</li>
          <li>A place to note your pain, so you and your clinician can see real changes.</li>
          <li>Everything stays on this device or your own server.</li>
        </ul>
      </div>
      <div className="card">
        <h2>What Footing is not</h2>
        <ul>
          <li><strong>It does not diagnose.</strong> It cannot tell you what is causing your pain.</li>
          <li>It does not replace a doctor or physiotherapist. If you are worried, see one.</li>
          <li>It is not for emergencies. Call your local emergency number if you need help now.</li>
        </ul>
      </div>
      <div className="card">
        <h2>How sure are we?</h2>
        <p>Each reason we give comes with a label that says how strong the evidence is:</p>
        <ul className="legend">
          <li><span className="strength strength-well-supported">well supported</span> good trials or guidelines</li>
          <li><span className="strength strength-some-support">some support</span> smaller or weaker studies</li>
          <li><span className="strength strength-expert-advice">expert advice</span> what experts agree on</li>
          <li><span className="strength strength-an-idea-not-proven">an idea, not proven</span> a reasonable idea that has not been tested</li>
        </ul>
      </div>
      <p>First, a short safety check. It takes about 3 minutes.</p>
      <Link to="/screen" className="button primary">Start the safety check</Link>
    </section>
  );
}
