// Turning the 3-D PCA view (projection-3d.js) on the page: drag (mouse, pen or one finger)
// or the arrow keys on the focused canvas turn it; until the reader first points at the plot,
// presses on it, zooms or types on it, it turns by itself, gently, unless the reader prefers
// reduced motion or the plot is off screen.
// The angles are kept in a hidden input (`input`, one of the URL hash's shared controls,
// web/app/url-state.js) once the reader has chosen them, and a link restores them.
//
// Its listeners run in the capture phase on the canvas, before the 2-D plot's pan and zoom
// listeners (projection-plot.js), and keep a rotating drag or an arrow key from reaching them
// while the 3-D view is on; a click without movement, hover, zoom, and Shift with a drag or an
// arrow key (the 2-D pan, kept for 3-D) pass through.
import { DEFAULT_ROTATION, anglesAt, clampPitch, formatAngles, parseAngles, wallClock, wrapAngle } from './projection-3d.js';

const SPIN = (6 * Math.PI) / 180; // radians per second: one turn a minute
const DRAG_RADIANS_PER_PX = 0.01;
const KEY_STEP = (10 * Math.PI) / 180;
const CLICK_PX = 3; // a press that moves less than this is a click, not a drag

export class ProjectionOrbit {
  /** `onChange(rotation)` gets every new rotation; `input` (optional) holds the angles for the URL. */
  constructor(canvas, { input, onChange }) {
    this.canvas = canvas;
    this.input = input;
    this.onChange = onChange;
    this.active = false;
    this.autoRotate = true;
    this.visible = true;
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    this.rotation = { ...DEFAULT_ROTATION, at: wallClock() };
    this.drag = null;
    canvas.dataset.rotation = formatAngles(this.rotation);
    this.bindEvents();
    this.bindInput();
    new IntersectionObserver(([entry]) => {
      this.visible = entry.isIntersecting;
      this.respin();
    }).observe(canvas);
    this.reducedMotion?.addEventListener?.('change', () => this.respin());
  }

  /** The angles now: { yaw, pitch }. */
  angles() {
    return anglesAt(this.rotation, wallClock());
  }

  /** Turns the 3-D handling on (3-D coordinates shown) or off (2-D). */
  setActive(active) {
    if (this.active === active) return;
    this.active = active;
    this.respin();
  }

  // The spin speed follows the conditions; the angle reached so far is kept.
  respin() {
    const spin = this.active && this.autoRotate && this.visible && !this.reducedMotion?.matches ? SPIN : 0;
    if (spin === this.rotation.spin) return;
    this.set(this.angles(), spin);
  }

  set({ yaw, pitch }, spin = 0) {
    this.rotation = { yaw: wrapAngle(yaw), pitch: clampPitch(pitch), spin, at: wallClock() };
    this.canvas.dataset.rotation = formatAngles(this.rotation);
    this.onChange(this.rotation);
  }

  /** The reader turned the view: no more auto-rotation, and the angles go to the URL. */
  turnTo(angles) {
    this.autoRotate = false;
    this.set(angles, 0);
    if (!this.input) return;
    this.input.value = formatAngles(this.rotation);
    this.input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Stops the auto-rotation where it is (the reader is pointing at or zooming the plot). */
  stopSpin() {
    if (!this.autoRotate) return;
    this.autoRotate = false;
    this.respin();
  }

  reset() {
    if (this.active) this.turnTo(DEFAULT_ROTATION);
  }

  bindInput() {
    this.input?.addEventListener('change', () => {
      const angles = parseAngles(this.input.value);
      if (!angles) {
        this.input.value = this.autoRotate ? '' : formatAngles(this.rotation); // a hand-edited link: ignored
        return;
      }
      if (this.input.value === formatAngles(this.rotation)) return;
      this.autoRotate = false;
      this.set(angles, 0);
    });
  }

  bindEvents() {
    const c = this.canvas;
    const capture = { capture: true };
    c.addEventListener('pointerdown', (e) => this.press(e), capture);
    c.addEventListener('pointermove', (e) => this.move(e), capture);
    c.addEventListener('pointerup', (e) => this.release(e), capture);
    c.addEventListener('pointercancel', () => { this.drag = null; }, capture);
    c.addEventListener('keydown', (e) => this.key(e), capture);
    c.addEventListener('wheel', () => { if (this.active) this.stopSpin(); }, { capture: true, passive: true });
    c.addEventListener('dblclick', () => this.reset());
  }

  press(e) {
    if (!this.active || e.button > 0 || e.shiftKey) return;
    e.stopImmediatePropagation();
    this.stopSpin();
    this.drag = { x: e.clientX, y: e.clientY, from: this.angles(), moved: false, id: e.pointerId };
    this.canvas.setPointerCapture?.(e.pointerId);
  }

  move(e) {
    if (!this.active) return;
    if (e.pointerType === 'mouse') this.stopSpin();
    const d = this.drag;
    if (!d || d.id !== e.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < CLICK_PX) return;
    d.moved = true;
    e.stopImmediatePropagation();
    this.turnTo({ yaw: d.from.yaw + dx * DRAG_RADIANS_PER_PX, pitch: d.from.pitch + dy * DRAG_RADIANS_PER_PX });
  }

  // A press that did not move is a click: it passes on to the plot, which selects the word.
  release(e) {
    const d = this.drag;
    this.drag = null;
    if (!this.active || !d) return;
    this.canvas.releasePointerCapture?.(e.pointerId);
    if (d.moved) e.stopImmediatePropagation();
  }

  key(e) {
    if (!this.active) return;
    this.stopSpin();
    const step = { ArrowLeft: [-KEY_STEP, 0], ArrowRight: [KEY_STEP, 0], ArrowUp: [0, -KEY_STEP], ArrowDown: [0, KEY_STEP] }[e.key];
    if (e.key === '0') this.reset(); // and the plot resets the zoom
    if (!step || e.shiftKey) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const a = this.angles();
    this.turnTo({ yaw: a.yaw + step[0], pitch: a.pitch + step[1] });
  }
}
