#!/usr/bin/env node
// Procedurally draws the RVM Control Room app icon and writes every format the
// build needs (PNG set, ICO, ICNS, favicon). No npm deps: node:zlib + node:fs only.
// Run from the repo root: `node scripts/make-icons.mjs`
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---------- palette ----------
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const TILE_TOP = hex('#1f2933');
const TILE_BOTTOM = hex('#0f1419');
const GREEN = hex('#28a745');
const BOTTLE = hex('#d9e2ec');
const DOT = hex('#5ff08a'); // brighter than the arrow so the "online" dot reads as separate

// ---------- geometry helpers (normalised 0..1 coords, y down) ----------
// Signed distance to a rounded box centred at (cx,cy) with half-size (hx,hy), corner r.
function sdRoundBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
// Point-in-triangle via the sign of the three edge cross products.
function inTri(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}
const TAU = Math.PI * 2;
const wrap = (a) => ((a % TAU) + TAU) % TAU;

// Builds the vector scene for one output size. Strokes get thicker at tiny sizes
// (hinting, in effect) and the bottle detail is dropped where it would be mush.
function scene(size) {
  const small = size <= 32;
  const margin = size >= 128 ? 0.08 : small ? 0.02 : 0.05; // macOS-style padding only when big
  const half = 0.5 - margin;
  const stroke = Math.max(0.095, 2.1 / size); // arrow stroke: at least ~2px
  const R = small ? 0.27 : 0.25; // ring centreline radius
  const cx = 0.5, cy = small ? 0.52 : 0.53;
  // Gap in the ring at the top-right; arrow travels clockwise and points into it.
  // Small sizes get a wider gap and bigger head, else the arrow closes into a plain ring.
  const g0 = wrap(((small ? -110 : -95) * Math.PI) / 180); // arrowhead end
  const g1 = wrap(((small ? -5 : -35) * Math.PI) / 180); // tail end (round cap)
  const head = stroke * (small ? 1.35 : 1.1); // arrowhead half-width
  const tang = [-Math.sin(g0), Math.cos(g0)];
  const rad = [Math.cos(g0), Math.sin(g0)];
  const base = [cx + rad[0] * R, cy + rad[1] * R];
  const tri = [
    [base[0] + rad[0] * head, base[1] + rad[1] * head],
    [base[0] - rad[0] * head, base[1] - rad[1] * head],
    [base[0] + tang[0] * head * 1.2, base[1] + tang[1] * head * 1.2],
  ];
  const tail = [cx + Math.cos(g1) * R, cy + Math.sin(g1) * R];
  const dot = { x: 0.5 + half * 0.62, y: 0.5 - half * 0.62, r: small ? 0.1 : 0.07 };

  // Returns [r,g,b,a] (straight alpha, a in 0..1) of the topmost layer stack at (x,y).
  return (x, y) => {
    let col = [0, 0, 0], a = 0;
    const over = (c, ca) => { // straight-alpha "over" compositing
      const na = ca + a * (1 - ca);
      if (na > 0) col = col.map((v, i) => (c[i] * ca + v * a * (1 - ca)) / na);
      a = na;
    };
    // Tile: rounded square with vertical gradient.
    const t = (y - margin) / (2 * half);
    const tile = TILE_TOP.map((v, i) => v + (TILE_BOTTOM[i] - v) * t);
    if (sdRoundBox(x, y, 0.5, 0.5, half, half, half * 0.42) <= 0) over(tile, 1);
    else return [col, a];
    // Return arrow: ring minus gap, round tail cap, triangular head.
    const dx = x - cx, dy = y - cy, d = Math.hypot(dx, dy);
    const ang = wrap(Math.atan2(dy, dx));
    const inGap = g1 > g0 ? ang > g0 && ang < g1 : ang > g0 || ang < g1;
    const onRing = Math.abs(d - R) <= stroke / 2 && !inGap;
    const onCap = Math.hypot(x - tail[0], y - tail[1]) <= stroke / 2;
    if (onRing || onCap || inTri(x, y, ...tri)) over(GREEN, 1);
    // Bottle in the middle of the ring (only where there are pixels to show it).
    if (size >= 48) {
      const body = sdRoundBox(x, y, cx, cy + 0.035, 0.058, 0.085, 0.03);
      const neck = sdRoundBox(x, y, cx, cy - 0.075, 0.024, 0.04, 0.008);
      const label = sdRoundBox(x, y, cx, cy + 0.04, 0.058, 0.025, 0);
      if (Math.min(body, neck) <= 0) over(label <= 0 ? GREEN : BOTTLE, 1);
    }
    // Status dot with a tile-coloured halo so it separates from the arrow.
    const dd = Math.hypot(x - dot.x, y - dot.y);
    if (dd <= dot.r * 1.45) over(tile, 1);
    if (dd <= dot.r) over(DOT, 1);
    return [col, a];
  };
}

// Renders with N×N supersampling; accumulates premultiplied colour and
// un-premultiplies at the end so the PNG stores straight alpha.
function render(size) {
  const shade = scene(size);
  const n = size <= 64 ? 8 : 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [c, ca] = shade((pxl + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += c[0] * ca; g += c[1] * ca; b += c[2] * ca; a += ca;
        }
      }
      const o = (py * size + pxl) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return px;
}

// ---------- PNG encoding ----------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body)); // CRC covers type + data, not the length
  return Buffer.concat([len, body, crc]);
}
function encodePNG(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, no filter method, no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type 0 (None) per scanline
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- containers ----------
// ICO: ICONDIR (6 bytes) + 16-byte ICONDIRENTRY per image, then PNG payloads (Vista+).
function encodeICO(pngs) {
  const head = Buffer.alloc(6 + 16 * pngs.length);
  head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(pngs.length, 4);
  let offset = head.length;
  pngs.forEach(({ size, data }, i) => {
    const e = 6 + i * 16;
    head[e] = size >= 256 ? 0 : size; // 0 means 256
    head[e + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(data.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...pngs.map((p) => p.data)]);
}
// ICNS: big-endian 'icns' + total length, then (OSType, length incl. 8-byte header, PNG).
function encodeICNS(entries) {
  const parts = entries.map(({ type, data }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(8 + parts.reduce((s, p) => s + p.length, 0), 4);
  return Buffer.concat([h, ...parts]);
}

// ---------- main ----------
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const png = Object.fromEntries(SIZES.map((s) => [s, encodePNG(s, render(s))]));

const out = (rel, data) => {
  const p = join(ROOT, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, data);
  console.log(`${rel.padEnd(32)} ${data.length} bytes`);
};
out('resources/icon.png', png[1024]);
for (const s of SIZES.filter((s) => s <= 512)) out(`resources/icons/${s}x${s}.png`, png[s]);
out('resources/icon.ico', encodeICO([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: png[size] }))));
const ICNS = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];
out('resources/icon.icns', encodeICNS(ICNS.map(([type, s]) => ({ type, data: png[s] }))));
out('src/renderer/public/icon.png', png[256]);
