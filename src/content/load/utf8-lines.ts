import { createReadStream } from 'node:fs';

/**
 * The lines of a file, each decoded as strict UTF-8 (a GBK export read leniently would publish
 * replacement characters); a line that is not UTF-8 is reported and yields ''.
 */
export async function* utf8Lines(file: string, notUtf8: (line: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Buffer, line: number): string => {
    try {
      return decoder.decode(bytes).replace(/\r$/, '');
    } catch {
      notUtf8(line);
      return '';
    }
  };
  let pending = Buffer.alloc(0);
  let line = 0;
  for await (const chunk of createReadStream(file)) {
    let buf = Buffer.concat([pending, chunk as Buffer]);
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
      yield decode(buf.subarray(0, nl), ++line);
      buf = buf.subarray(nl + 1);
    }
    pending = buf;
  }
  if (pending.length) yield decode(pending, ++line);
}
