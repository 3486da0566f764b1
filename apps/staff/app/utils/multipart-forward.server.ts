import { unstable_parseMultipartFormData } from '@remix-run/node';

const MAX_FIELD_CHARS = 10_000;

/**
 * Reads a multipart form whose one file goes on (to the API) as it arrives: the
 * staff server never holds the file, so a 100 MB import costs it no memory.
 * The fields before the file (the CSRF token, the kind of import) are read
 * first and handed to `forward`: a form using this puts its file input last.
 * Answers the fields and what `forward` answered (null when no file was sent).
 */
export async function forwardMultipartFile<T>(
  request: Request,
  fileField: string,
  forward: (fields: ReadonlyMap<string, string>, file: { filename: string; body: ReadableStream<Uint8Array> }) => Promise<T>,
  maxFileBytes: number,
): Promise<{ fields: ReadonlyMap<string, string>; forwarded: T | null; tooLarge: boolean }> {
  const fields = new Map<string, string>();
  let forwarded: T | null = null;
  let sent = false;
  const size = { tooLarge: false };
  await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
    if (name === fileField && filename !== undefined) {
      // A browser sends an empty part without a name when no file was chosen; a second file is ignored.
      if (filename === '' || sent) {
        for await (const _chunk of data) void _chunk;
        return undefined;
      }
      sent = true;
      const file = capped(data, maxFileBytes, size);
      forwarded = await forward(fields, { filename, body: pulled(file) });
      // What the receiver did not read (it answered early: a refusal) is read and dropped
      // here; left unread, the multipart parser would keep it in memory.
      try {
        for await (const _chunk of file) void _chunk;
      } catch {
        // Past the limit: `size.tooLarge` says so; the rest of the request is not read.
      }
      return undefined;
    }
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of data) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length > MAX_FIELD_CHARS) throw new Response('A form field is too long', { status: 413 });
    }
    fields.set(name, text + decoder.decode());
    return undefined;
  });
  return { fields, forwarded, tooLarge: size.tooLarge };
}

/**
 * The part, failing past `maxBytes` (and saying so in `size`): the stream to the
 * receiver then errors, so it never gets a truncated file it could take for whole.
 */
async function* capped(source: AsyncIterable<Uint8Array>, maxBytes: number, size: { tooLarge: boolean }): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) {
      size.tooLarge = true;
      throw new Error('file too large');
    }
    yield chunk;
  }
}

/** A stream that reads the part only as fast as the API takes it (back-pressure). */
function pulled(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
