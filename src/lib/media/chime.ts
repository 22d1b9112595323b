/**
 * The wake-up chime (static/media/sounds/wake-chime.*, two soft bells, 3.8 s), as both
 * players sound it: the live player through its audio port, the track player through an
 * HTML5 Howl. Either keeps its audio up this long after starting it, so taking the player
 * off the page at the session's end does not cut the chime off.
 */
export const CHIME_RING_MS = 5000;
