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
): Promise<{ fields: ReadonlyMap<string, string>; forwarded: T | null }> {
  const fields = new Map<string, string>();
  let forwarded: T | null = null;
  let sent = false;
  await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
    if (name === fileField && filename !== undefined) {
      // A browser sends an empty part without a name when no file was chosen; a second file is ignored.
      if (filename === '' || sent) {
        for await (const _chunk of data) void _chunk;
        return undefined;
      }
      sent = true;
      forwarded = await forward(fields, { filename, body: pulled(data) });
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
  return { fields, forwarded };
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
