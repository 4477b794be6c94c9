/** The in-app filming guide (the same advice as docs/filming-guide.md), with what the quality warnings mean. */
import { Link, ScreenTitle } from '../ui/common.js';

export function FilmingGuideScreen() {
  return (
    <section className="screen gait-guide" aria-labelledby="guide-title">
      <ScreenTitle><span id="guide-title">How to film your walk</span></ScreenTitle>
      <p className="lead">A helper holds the phone, you walk. Two minutes, one clear video.</p>
      <ol className="gait-guide-steps">
        <li><strong>Film from the side, across the room or on a treadmill.</strong> Stand the phone (or your helper) about 3–4 m from the line you walk along, at right angles to it, or beside the treadmill. Step timing, knee angles and trunk lean need a side view. On a treadmill, enter its belt speed for walking speed and step length.</li>
        <li><strong>Then, if you can, a second video from straight behind or in front</strong> (walking away from or toward the phone, or on the treadmill): it measures pelvic drop, side lean, knee alignment and step width. Videos saved on the same day are read together, each link from the video that measures it best.</li>
        <li><strong>Phone still, at hip height</strong> (sideways, or upright for a treadmill so the whole body fits). Lean it on something or use a tripod; do not follow the walker by turning the phone.</li>
        <li><strong>Whole body in the picture</strong>, head to feet, all the way across. Feet cut off at the bottom of the picture cannot be timed.</li>
        <li><strong>Walk at your usual pace</strong> for 10–20 seconds: across the picture (start before you enter it, keep going until you are out of it; turn and come back if the room is short), or on the treadmill.</li>
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
        <dt>The video is too short</dt><dd>Under 2 seconds there are not even two strides. Record 10–20 seconds of walking.</dd>
        <dt>The feet touch the bottom edge</dt><dd>The moments the feet land and leave the ground cannot be seen. Tilt the phone down or step back so some floor shows below the feet.</dd>
        <dt>Two people move alike</dt><dd>Footing says whom it followed; if that is not you, choose the other person.</dd>
        <dt>The steps are not consistent</dt><dd>The steps found fail a check every real walk passes (each foot lands then leaves, left and right take turns, a step is about half a stride). No timing is shown rather than a wrong one. Film again with both legs clearly visible.</dd>
        <dt>The camera moved</dt><dd>The phone turned or followed the walker, so speed and distances cannot be measured (step timing still can). Stand the phone still and let the walker pass through the picture.</dd>
        <dt>The video is dark</dt><dd>The feet are placed less precisely. Switch the lights on or film near a window, with the light behind the phone.</dd>
        <dt>Left and right may be swapped</dt><dd>Seen from the side the legs overlap, and the pose model sometimes names them by which one is in front. Footing sorts them out from the way steps alternate, so the step timing is right, but in this video it could not tell which leg is the left one. With the phone at hip height a few metres away, the whole body and some floor in the picture, and several strides, it usually can.</dd>
      </dl>
      <h2>Walking or running</h2>
      <p>Footing tells a walk from a run by how the body moves and by the moment both feet are off the ground. A run shows contact and flight time and no typical ranges: the ranges Footing uses are for walking.</p>
      <p><Link to="/gait">Back to the gait video</Link></p>
    </section>
  );
}
