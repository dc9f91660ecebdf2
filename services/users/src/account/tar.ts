import { gzipSync } from 'node:zlib';

/** One file of an archive. */
export interface TarEntry {
  path: string;
  content: string | Buffer;
  mtime?: Date;
}

const BLOCK = 512;

/** Writes `text` as ASCII into `header` at `offset`, at most `length` bytes. */
function put(header: Buffer, offset: number, length: number, text: string): void {
  header.write(text, offset, length, 'utf8');
}

/** An octal number field: `length - 1` digits and a NUL. */
function octal(header: Buffer, offset: number, length: number, value: number): void {
  put(header, offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
}

/** Splits a path longer than 100 bytes into ustar's prefix (≤ 155) and name (≤ 100) at a slash. */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new RangeError(`path too long for a tar archive: ${path}`);
}

/** The 512-byte ustar header of a regular file. */
function header(entry: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  const { name, prefix } = splitPath(entry.path);
  put(h, 0, 100, name);
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, Math.floor((entry.mtime ?? new Date()).getTime() / 1000));
  h.fill(' ', 148, 156);
  put(h, 156, 1, '0');
  put(h, 257, 6, 'ustar\0');
  put(h, 263, 2, '00');
  put(h, 345, 155, prefix);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** A POSIX ustar archive of `entries` (regular files only; directories are implied by the paths). */
export function tar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const body = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
    parts.push(header(entry, body.length), body);
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(parts);
}

/** `tar` gzipped: a `.tar.gz`. */
export function tarGz(entries: TarEntry[]): Buffer {
  return gzipSync(tar(entries));
}
