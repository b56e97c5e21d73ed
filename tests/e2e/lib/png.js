// PNG writing for tests and tools: the chunk framing (length, type, data, CRC-32) and whole
// images from filtered rows. One copy for every script that draws or forges a PNG (the hostile
// inputs, the printable certificate's large image, the app icons, the rqrr panic fixture, the
// displayer fixtures). CRC-32 is computed here: Node 20 has no zlib.crc32.
import zlib from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309, as PNG uses it) of `buf`. */
export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type (4 latin-1 letters), data, CRC-32 of type and data. */
export function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An IHDR payload: `width` × `height`, 8 bits per sample, `colorType` (0 grey, 2 RGB, 6 RGBA). */
export function ihdr(width, height, colorType) {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h[8] = 8;
  h[9] = colorType;
  return h;
}

/**
 * A whole PNG from `rows` (each a Buffer starting with its filter byte), with `extra` chunks
 * (already framed) between IDAT and IEND.
 */
export function encodePng({ width, height, colorType, rows, level, extra = [] }) {
  const idat = zlib.deflateSync(Buffer.concat(rows), level === undefined ? {} : { level });
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr(width, height, colorType)),
    pngChunk('IDAT', idat),
    ...extra,
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
