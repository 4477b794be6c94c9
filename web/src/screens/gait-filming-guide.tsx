/** The in-app filming guide (the same advice as docs/filming-guide.md), with what the quality warnings mean. */
import { Link, ScreenTitle } from '../components/common.js';

export function FilmingGuideScreen() {
  return (
    <section className="screen gait-guide" aria-labelledby="guide-title">
      <ScreenTitle><span id="guide-title">How to film your walk</span></ScreenTitle>
      <p className="lead">A helper holds the phone, you walk. Two minutes, one clear video.</p>
      <ol className="gait-guide-steps">
        <li><strong>Film from the side.</strong> Stand the phone (or your helper) about 3–4 m from the line you walk along, at right angles to it. Step timing and knee angles need a side view; a video from straight in front or behind shows the pelvis and trunk.</li>
        <li><strong>Phone still, at hip height, held sideways (landscape).</strong> Lean it on something or use a tripod; do not follow the walker by turning the phone.</li>
        <li><strong>Whole body in the picture</strong>, head to feet, all the way across. Feet cut off at the bottom of the picture cannot be timed.</li>
        <li><strong>Walk across the picture at your usual pace</strong> for 10–20 seconds: start walking before you enter the picture and keep going until you are out of it; turn and come back if the room is short.</li>
        <li><strong>Good light, plain background</strong>, nobody else walking through. Clothes that show the knees and ankles help; shoes are fine.</li>
        <li><strong>30 frames per second or more</strong> (the phone's normal video setting; 60 is better). Slow-motion and time-lapse modes do not work.</li>
      </ol>
      <h2>What the warnings mean</h2>
      <dl className="gait-guide-warnings">
        <dt>No person was found walking</dt><dd>The model did not see a whole person. Check the light, and that the box you drew covers the walker from head to feet.</dd>
        <dt>The person is too small</dt><dd>The walker is less than a quarter of the picture height. Move the phone closer or zoom in a little.</dd>
        <dt>Legs or feet are often not visible</dt><dd>Something hides the legs (furniture, the edge of the picture) in many frames. Film with the whole body in view all the time.</dd>
        <dt>Frame rate too low</dt><dd>Below 20 frames per second steps cannot be timed. Use the normal video mode at 30 or 60 fps.</dd>
        <dt>Too few strides</dt><dd>Footing needs at least 2 full strides on each foot. Walk longer, or film from further away so more steps fit in.</dd>
        <dt>The camera angle is unclear</dt><dd>The walk was neither across the picture nor straight towards or away from the phone. Film exactly from the side.</dd>
        <dt>Front or back view without depth</dt><dd>From the front, step timing needs depth the model could not give. Film from the side for step timing.</dd>
      </dl>
      <p><Link to="/gait">Back to the gait video</Link></p>
    </section>
  );
}
