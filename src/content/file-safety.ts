/**
 * File-system safety of what gets published: content/ is read into pages and public/ is copied
 * into dist/ as is, both by tools that follow symbolic links. A content author's branch (built by
 * CI) could link public/x to /etc/passwd or ~/.ssh, or to a directory that copies for minutes.
 * So before anything is read or copied, the trees are walked with lstat only (no symlink is
 * followed into a directory, no file content is read, depth and entry count are bounded):
 *
 * - a symlink that resolves outside the project root (or the checked folders): error
 * - a symlink into a hidden path (.git holds CI credentials, .env secrets), or to a directory
 *   outside the checked folders (its files would be published unchecked): error
 * - a symlink loop, a symlink to its own ancestor directory, a dangling symlink: error
 * - a FIFO, device or socket (a copy blocks or reads a device): error
 * - a file larger than LARGE_FILE_BYTES: warning with the size
 * - any symlink under content/ (the loaders read regular files only: a linked document would
 *   vanish), and a symlink under public/ that leaves public/ (public/raw → content/ published
 *   the sources of drafts and scheduled documents): error
 * - under public/, any file that is not an attachment or media type (an allowlist): error, except
 *   the project's own files — an "attachment" notice.html or chart.svg ran script on the site's
 *   origin, which the CSP allows ('self'), and .rss/.atom/.kml render as XML documents
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../lib/errors.ts';

/** Files above this size get a warning: they slow every build and download. */
export const LARGE_FILE_BYTES = 50 * 1024 * 1024;
/** Deeper nesting than this is not walked (and is an error): real content is a few levels deep. */
export const MAX_SCAN_DEPTH = 32;
/** More entries than this are not walked (and are an error). */
export const MAX_SCAN_ENTRIES = 500_000;
/** Directory entries examined at once. */
const BATCH = 64;

export interface ScanOptions {
  /** the public directory among `dirs` (default: the one named `public`) */
  publicDir?: string;
  largeBytes?: number;
  maxDepth?: number;
  maxEntries?: number;
}

interface Scan {
  root: string;
  /** real paths a symlink may resolve into: the project root and the checked folders */
  bases: string[];
  /** real paths of the checked folders (walked anyway) */
  checked: string[];
  /** real path of the public directory, if it is checked */
  publicDir: string | undefined;
  largeBytes: number;
  maxDepth: number;
  maxEntries: number;
  entries: number;
  problems: Problem[];
}

/** The folders the build reads or copies: the content source and the public directory. */
export function checkedDirs(source = process.env.PORTAL_CONTENT ?? 'content', publicDir = process.env.PORTAL_PUBLIC_DIR ?? 'public'): string[] {
  return [source, publicDir];
}

/** Every problem under `dirs` (relative to `root` or absolute; missing ones are skipped). */
export async function scanTree(root: string, dirs: readonly string[], opts: ScanOptions = {}): Promise<Problem[]> {
  const absRoot = path.resolve(root);
  const tops = [...new Set(dirs.map((d) => path.resolve(absRoot, d)))];
  const checked: string[] = [];
  for (const t of tops) {
    const st = await lstat(t).catch(() => undefined);
    if (st?.isDirectory()) checked.push(await realpath(t));
  }
  const pub = opts.publicDir ? path.resolve(absRoot, opts.publicDir) : tops.find((t) => path.basename(t) === 'public');
  const s: Scan = {
    root: absRoot,
    bases: [await realpath(absRoot), ...checked],
    checked,
    publicDir: pub ? await realpath(pub).catch(() => undefined) : undefined,
    largeBytes: opts.largeBytes ?? LARGE_FILE_BYTES,
    maxDepth: opts.maxDepth ?? MAX_SCAN_DEPTH,
    maxEntries: opts.maxEntries ?? MAX_SCAN_ENTRIES,
    entries: 0,
    problems: [],
  };
  for (const t of tops) await visit(s, t, 0);
  return s.problems;
}

async function visit(s: Scan, abs: string, depth: number): Promise<void> {
  if (++s.entries > s.maxEntries) {
    if (s.entries === s.maxEntries + 1) push(s, abs, `条目超过 ${s.maxEntries} 个，其余未检查（too many entries, scan stopped）`);
    return;
  }
  const st = await lstat(abs).catch(() => undefined);
  if (!st) return; // missing top folder (e.g. JSON-lines content) or removed meanwhile
  if (st.isSymbolicLink()) return checkLink(s, abs);
  if (st.isDirectory()) {
    if (depth >= s.maxDepth) return push(s, abs, `目录层级超过 ${s.maxDepth} 层，未继续检查（directory nesting too deep）`);
    const names = await readdir(abs).catch(() => undefined);
    if (!names) return push(s, abs, '无法读取目录（unreadable directory）');
    for (let i = 0; i < names.length; i += BATCH) {
      await Promise.all(names.slice(i, i + BATCH).map((n) => visit(s, path.join(abs, n), depth + 1)));
    }
    return;
  }
  checkFile(s, abs, st);
}

/** A regular file (size) or a special file (error); `shown` names a symlink's target. */
function checkFile(s: Scan, abs: string, st: Stats, shown = ''): void {
  const special = specialKind(st);
  if (special) return push(s, abs, `${shown}不是普通文件，而是${special}；发布目录中不允许（special file）`);
  const active = activeFileProblem(s, abs);
  if (active) push(s, abs, active, 'error', '附件请用 PDF、OFD、Office、图片或压缩包；网页请写成 Markdown 内容');
  if (st.size > s.largeBytes) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    push(s, abs, `${shown}文件很大：${mb(st.size)} MB（${st.size} 字节），超过 ${mb(s.largeBytes)} MB（large file）`, 'warning', '大文件拖慢构建和下载；可压缩、拆分，或改为 https:// 外部链接');
  }
}

function specialKind(st: Stats): string | undefined {
  if (st.isFIFO()) return '命名管道（FIFO）';
  if (st.isCharacterDevice()) return '字符设备（character device）';
  if (st.isBlockDevice()) return '块设备（block device）';
  if (st.isSocket()) return '套接字（socket）';
  if (!st.isFile() && !st.isDirectory()) return '未知类型（unknown type）';
  return undefined;
}

/**
 * What public/ may hold besides the project's own files: attachments and media a browser shows or
 * downloads but never runs. An allowlist: .html, .svg, .js, .xml, .rss, .atom, .kml, .mht, a name
 * without an extension or with a trailing dot could all be served as a document on this origin.
 */
const ATTACHMENT_TYPES = /\.(pdf|ofd|docx?|xlsx?|pptx?|wps|et|dps|odt|ods|odp|rtf|txt|csv|jpe?g|png|gif|webp|bmp|tiff?|ico|zip|rar|7z|gz|mp3|mp4|m4a|wav|ogg|webm|woff2?)$/i;
/** The project's own files in public/ (reviewed code, not content). */
export const PROJECT_PUBLIC_FILES = ['favicon.svg', 'preferences.js'];

function activeFileProblem(s: Scan, abs: string): string | undefined {
  if (!s.publicDir || !within(abs, [s.publicDir])) return undefined;
  const relPublic = path.relative(s.publicDir, abs).split(path.sep).join('/');
  if (PROJECT_PUBLIC_FILES.includes(relPublic) || ATTACHMENT_TYPES.test(abs)) return undefined;
  const ext = path.extname(abs) || '（无扩展名 no extension）';
  return `public/ 中不允许的文件类型 ${ext}：只能放附件和图片（PDF、OFD、Office、文本、图片、压缩包、音视频），网页、SVG、脚本、XML 会以本站身份运行（file type not allowed in public/: active content）`;
}

/** The checked folder holding `abs` (by its parent's real path). */
async function homeOf(s: Scan, abs: string): Promise<string | undefined> {
  const parent = await realpath(path.dirname(abs)).catch(() => path.dirname(abs));
  return s.checked.find((c) => within(parent, [c]));
}

async function checkLink(s: Scan, abs: string): Promise<void> {
  const target = await readlink(abs).catch(() => '?');
  const to = `→ ${target}`;
  const home = await homeOf(s, abs);
  if (home && home !== s.publicDir) {
    return push(s, abs, `内容目录中不能使用符号链接 ${to}：内容只读取普通文件（symlink in the content folder）`, 'error', '请把文件本身放在这里');
  }
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return push(s, abs, `符号链接循环 ${to}（symlink loop）`);
    return push(s, abs, `符号链接的目标不存在 ${to}（dangling symlink）`);
  }
  const fix = '发布的文件必须在仓库内：请把文件复制进来，不要用符号链接';
  if (!within(real, s.bases)) return push(s, abs, `符号链接指向项目目录之外 ${to}${real === target ? '' : `（实际为 ${real}）`}（symlink resolves outside the project root）`, 'error', fix);
  if (home && !within(real, [home])) {
    return push(s, abs, `public/ 中的符号链接只能指向 public/ 之内 ${to}（symlink leaves public/: it would publish e.g. content sources）`, 'error', fix);
  }
  const inChecked = within(real, s.checked);
  if (!inChecked && path.relative(s.bases[0]!, real).split(path.sep).some((seg) => seg.startsWith('.'))) {
    return push(s, abs, `符号链接指向隐藏文件或目录 ${to}（如 .git、.env）（symlink into a hidden path）`, 'error', fix);
  }
  const st = await stat(real);
  if (st.isDirectory()) {
    const parent = await realpath(path.dirname(abs));
    if (within(parent, [real])) return push(s, abs, `符号链接指向自身所在的上级目录 ${to}，复制时会无限循环（symlink to an ancestor directory: loop）`);
    if (!inChecked) return push(s, abs, `符号链接指向 ${s.checked.map((c) => rel(s.root, c)).join('、')} 以外的目录 ${to}，其中的文件无法检查（symlink to a directory outside the checked folders）`, 'error', fix);
    return; // a directory inside a checked folder is walked there
  }
  checkFile(s, abs, st, `符号链接 ${to} 的目标`);
}

/** `p` is `base` or below it, for one of the bases. */
function within(p: string, bases: readonly string[]): boolean {
  return bases.some((b) => {
    const r = path.relative(b, p);
    return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
  });
}

function rel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/') || '.';
}

function push(s: Scan, abs: string, reason: string, severity: Problem['severity'] = 'error', hint?: string): void {
  const p: Problem = { file: rel(s.root, abs), field: '(文件)', reason, severity };
  if (hint) p.hint = hint;
  s.problems.push(p);
}

/**
 * Why an attachment (`attachments[].file`, a path under public/) cannot be published, or
 * undefined when it is a regular file inside public/ (https URLs are not checked here).
 * Missing: a warning (a broken link); through a symlink out of public/, or not a regular file: error.
 */
export async function attachmentProblem(publicDir: string, file: string): Promise<Pick<Problem, 'reason' | 'severity'> | undefined> {
  if (/^https:\/\//.test(file)) return undefined;
  let real: string;
  try {
    real = await realpath(path.join(publicDir, file));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return { reason: `附件路径中有符号链接循环 public/${file}（symlink loop）`, severity: 'error' };
    return { reason: `附件文件不存在 public/${file}（attachment file not found）`, severity: 'warning' };
  }
  const realPublic = await realpath(publicDir);
  if (!within(real, [realPublic])) {
    return { reason: `附件经符号链接指向 public/ 之外 public/${file} → ${real}（attachment resolves outside public/）`, severity: 'error' };
  }
  const st = await stat(real);
  if (!st.isFile()) {
    return { reason: `附件不是普通文件 public/${file}：${specialKind(st) ?? '目录（directory）'}（attachment is not a regular file）`, severity: 'error' };
  }
  return undefined;
}
