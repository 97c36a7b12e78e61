/**
 * The search index's format identity (docs/search.md): search/manifest.json names the format
 * (`format`) and its version (`version`). The writer (scripts/lib/search-index/) stamps both;
 * the engine checks them before it reads anything else, so an index written in another layout
 * (an older or newer build of this project, a peer running another version, a Pagefind bundle)
 * fails with one clear line instead of wrong results.
 *
 * Bump INDEX_VERSION whenever a reader would misread the new files (the posting encoding, file
 * names, manifest fields the engine needs). A writer change that keeps the files readable as
 * before changes WRITER_REVISION instead: it invalidates the build cache (the next build is a
 * full one, in a new generation directory).
 *
 * Version 3: content-addressed file names (chunks, directories, filter lists, sort and 文号
 * files are named by a hash of their bytes, listed in the manifest or the directory files) and
 * stable page numbers, so an incremental build rewrites only what changed.
 */
import { PeerError } from './validate.ts';

/** the format family written into manifest.json `format` */
export const INDEX_FORMAT = 'gop-postings';
/** the layout version written into manifest.json `version` (the one this engine reads) */
export const INDEX_VERSION = 3;
/** versions this engine reads */
export const SUPPORTED_VERSIONS: readonly number[] = [INDEX_VERSION];
/** the writer's revision: part of the per-build directory hash (same files, new directory) */
// mn-tokens-2: Mongolian tokens changed (#17: final-vowel stems, detached suffixes, suffix vowel fold)
export const WRITER_REVISION = 'incremental-1+mn-tokens-2';

/**
 * Throws unless `manifest` is a search manifest of a supported format version. `format` must be
 * INDEX_FORMAT when present (version-2 manifests written before it existed lack it). Throws a PeerError ('broken'): for a federated peer the engine
 * reports the site as unreadable and carries on; for this site it is the build's error.
 *
 * @param at the file named in the message
 */
export function assertIndexFormat(manifest: unknown, at = 'search/manifest.json'): void {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new PeerError('broken', `${at}: not a search index manifest (rebuild the site)`);
  }
  const { format, version } = manifest as { format?: unknown; version?: unknown };
  const reads = `this engine reads ${INDEX_FORMAT} version ${SUPPORTED_VERSIONS.join(', ')}`;
  if (format !== undefined && format !== INDEX_FORMAT) {
    throw new PeerError('broken', `${at}: index format ${shown(format)}, ${reads} (rebuild the site)`);
  }
  if (version === undefined) throw new PeerError('broken', `${at}: no index version, ${reads} (rebuild the site)`);
  if (typeof version !== 'number' || !SUPPORTED_VERSIONS.includes(version)) {
    throw new PeerError('broken', `${at}: index version ${shown(version)}, ${reads} (rebuild the site)`);
  }
}

const shown = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x.slice(0, 40)) : String(x).slice(0, 40));
