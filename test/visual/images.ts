/**
 * Screenshots as the visual-regression goldens store them: halved (2 × 2 pixels averaged) and
 * each channel rounded to 16 levels, so a golden is ~20–60 KB and anti-aliasing noise does not
 * count as a change; then compared with pixelmatch. Pure (buffers in, buffers out).
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const LEVELS = 15;

/** The stored form of a screenshot: half size, 16 levels per channel, opaque. */
export function reduce(png: Buffer): PNG {
  const src = PNG.sync.read(png);
  const width = Math.floor(src.width / 2);
  const height = Math.floor(src.height / 2);
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) sum += src.data[((2 * y + dy) * src.width + 2 * x + dx) * 4 + c]!;
        out.data[(y * width + x) * 4 + c] = Math.round(((sum / 4) * LEVELS) / 255) * (255 / LEVELS);
      }
      out.data[(y * width + x) * 4 + 3] = 255;
    }
  }
  return out;
}

export function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { deflateLevel: 9, filterType: -1, colorType: 2 });
}

export function decode(buf: Buffer): PNG {
  return PNG.sync.read(buf);
}

export interface Comparison {
  /** share of pixels that differ (0–1); 1 when the sizes differ */
  ratio: number;
  diff?: PNG;
}

/** How much `actual` differs from `golden` (pixelmatch, a per-pixel colour threshold of 0.1). */
export function compare(actual: PNG, golden: PNG): Comparison {
  if (actual.width !== golden.width || actual.height !== golden.height) return { ratio: 1 };
  const diff = new PNG({ width: actual.width, height: actual.height });
  const n = pixelmatch(actual.data, golden.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  return { ratio: n / (actual.width * actual.height), diff };
}
