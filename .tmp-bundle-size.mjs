import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
const entry = process.argv[2] ?? 'src/search/engine.ts';
const r = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', minify: true, write: false, legalComments: 'none', logLevel: 'warning' });
const b = r.outputFiles[0].contents;
console.log(entry, b.length, 'bytes,', gzipSync(b).length, 'gzip');
