// The 3-D PCA view's geometry, shared by the drawing (projection-renderer.js, in the plot
// worker) and the page's hover and click (projection-plot.js), so both agree on where a
// point is: an orthographic view of the coordinates (PC1, PC2, PC3) turned by a yaw about
// the vertical axis and then a pitch about the horizontal one. At yaw = pitch = 0 the view
// is the 2-D PCA plot (PC1 to the right, PC2 up, PC3 towards the viewer).
//
// A rotation is { yaw, pitch, spin, at }: angles in radians at the wall-clock time `at`
// (ms since the epoch), turning by `spin` radians per second from then on (the gentle
// auto-rotation), so the page and the worker compute the same angle without messages per frame.

export const DEFAULT_ROTATION = Object.freeze({ yaw: -0.6, pitch: 0.35, spin: 0, at: 0 });
export const MAX_PITCH = Math.PI / 2;
const MARGIN = 28;
const DEPTH_SIZE = 0.4; // nearest points are drawn 1 + DEPTH_SIZE times the middle size, farthest 1 - DEPTH_SIZE
const NEAR_ALPHA = 1;
const FAR_ALPHA = 0.3;

/** Milliseconds since the epoch, comparable between the page and its workers. */
export const wallClock = () => performance.timeOrigin + performance.now();

/** The angles of `rotation` at wall-clock time `clock`. */
export function anglesAt(rotation, clock) {
  const turned = rotation.spin ? (rotation.spin * (clock - rotation.at)) / 1000 : 0;
  return { yaw: wrapAngle(rotation.yaw + turned), pitch: rotation.pitch };
}

export function wrapAngle(a) {
  return a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
}

export const clampPitch = (p) => Math.max(-MAX_PITCH, Math.min(MAX_PITCH, p));

/** Row-major 3 x 3 matrix of the rotation: pitch (about x) after yaw (about y). */
export function rotationMatrix({ yaw, pitch }) {
  const cy = Math.cos(yaw); const sy = Math.sin(yaw);
  const cp = Math.cos(pitch); const sp = Math.sin(pitch);
  return [
    cy, 0, sy,
    sp * sy, cp, -sp * cy,
    -cp * sy, sp, cp * cy,
  ];
}

/** The largest distance of a point (x, y, z triples, centred by PCA) from the origin. */
export function cloudRadius(coords) {
  let r2 = 0;
  for (let i = 0; i + 2 < coords.length; i += 3) {
    r2 = Math.max(r2, coords[i] ** 2 + coords[i + 1] ** 2 + coords[i + 2] ** 2);
  }
  return Math.sqrt(r2) || 1;
}

/**
 * Screen placement: { x(p), y(p), depth(p) } for a data point p = [a, b, c], with the cloud of
 * radius `radius` fitted in the canvas whatever the angle, then zoomed and panned by `view`.
 * depth is -1 (farthest possible) to 1 (nearest).
 */
export function orbitTransform(angles, radius, width, height, view) {
  const m = rotationMatrix(angles);
  const s = (Math.max(10, Math.min(width, height) / 2 - MARGIN) / radius) * view.scale;
  const cx = width / 2 + view.x;
  const cy = height / 2 + view.y;
  return {
    matrix: m,
    scale: s,
    x: (a, b, c) => cx + s * (m[0] * a + m[1] * b + m[2] * c),
    y: (a, b, c) => cy - s * (m[3] * a + m[4] * b + m[5] * c),
    depth: (a, b, c) => (m[6] * a + m[7] * b + m[8] * c) / radius,
  };
}

/** Every point on screen: { sx, sy, depth }. */
export function projectCloud(coords, n, T) {
  const sx = new Float32Array(n); const sy = new Float32Array(n); const depth = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = coords[3 * i]; const b = coords[3 * i + 1]; const c = coords[3 * i + 2];
    sx[i] = T.x(a, b, c);
    sy[i] = T.y(a, b, c);
    depth[i] = T.depth(a, b, c);
  }
  return { sx, sy, depth };
}

/** The indices from back to front (the drawing order: nearer points cover farther ones). */
export function backToFront(depth) {
  return Array.from({ length: depth.length }, (_, i) => i).sort((p, q) => depth[p] - depth[q]);
}

/** The depth cue: a point's radius and opacity from its depth (-1 far .. 1 near). */
export function depthCue(baseRadius, depth) {
  const d = Math.max(-1, Math.min(1, depth));
  return { r: baseRadius * (1 + DEPTH_SIZE * d), alpha: FAR_ALPHA + (NEAR_ALPHA - FAR_ALPHA) * (d + 1) / 2 };
}

/**
 * The point under (px, py): of the points whose drawn disc (plus `slop` px) covers it, the
 * nearest in depth (the one drawn on top); else the nearest on screen within `slop`; else -1.
 */
export function pickPoint(cloud, px, py, radiusOf, slop) {
  let front = -1;
  let nearest = -1;
  let nearestD = slop * slop;
  for (let i = 0; i < cloud.sx.length; i++) {
    const d2 = (cloud.sx[i] - px) ** 2 + (cloud.sy[i] - py) ** 2;
    const r = depthCue(radiusOf(i), cloud.depth[i]).r + 2;
    if (d2 <= r * r && (front < 0 || cloud.depth[i] > cloud.depth[front])) front = i;
    if (d2 < nearestD) { nearestD = d2; nearest = i; }
  }
  return front >= 0 ? front : nearest;
}

/** Angles in whole degrees as "yaw,pitch" (the URL hash form), and back (null if malformed). */
export function formatAngles({ yaw, pitch }) {
  return `${Math.round((wrapAngle(yaw) * 180) / Math.PI)},${Math.round((pitch * 180) / Math.PI)}`;
}

export function parseAngles(text) {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(String(text ?? ''));
  if (!m) return null;
  const yaw = (Number(m[1]) * Math.PI) / 180;
  const pitch = (Number(m[2]) * Math.PI) / 180;
  if (!Number.isFinite(yaw) || !Number.isFinite(pitch)) return null;
  return { yaw: wrapAngle(yaw), pitch: clampPitch(pitch) };
}
