#!/usr/bin/env node
// Draws the app icons of the web app manifest (public/icons/icon-192.png, icon-512.png): the
// shape of public/icons/icon.svg (a light-blue diamond on the wallet's ink colour, full bleed so
// the icon also works as "maskable": the diamond stays inside the 80 % safe circle), rendered
// here with node built-ins only (4×4 supersampling; the PNG by tests/e2e/lib/png.js). Run once by hand:
//   node tools/make-icons.mjs
// The PNGs are committed; the build only copies them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from '../tests/e2e/lib/png.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
const BG = [0x1d, 0x24, 0x33];
const FG = [0x8f, 0xb0, 0xff];

/** Inside the diamond of icon.svg (viewBox 32: centre 16,16, half-width 9, half-height 11). */
const inside = (x, y) => Math.abs(x - 16) / 9 + Math.abs(y - 16) / 11 <= 1;

function png(size) {
  const S = 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = ((x + (sx + 0.5) / S) / size) * 32;
          const v = ((y + (sy + 0.5) / S) / size) * 32;
          if (inside(u, v)) hits++;
        }
      }
      const a = hits / (S * S);
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(BG[c] * (1 - a) + FG[c] * a);
    }
    rows.push(row);
  }
  return encodePng({ width: size, height: size, colorType: 2, rows, level: 9 });
}

for (const size of [192, 512]) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`${file}: ${fs.statSync(file).size} bytes`);
}
