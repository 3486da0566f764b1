import { forwardMultipartFile } from './multipart-forward.server';

function post(form: FormData): Request {
  return new Request('http://staff.test/imports/new', { method: 'POST', body: form });
}

describe('forwardMultipartFile', () => {
  it('hands on the file as a stream, with the fields sent before it', async () => {
    const form = new FormData();
    form.append('csrf', 'token-1');
    form.append('kind', 'PEOPLE');
    form.append('file', new Blob(['first,last\nAmina,Rahimi\n']), 'people.csv');
    const seen: { fields: Record<string, string>; filename: string; text: string }[] = [];
    const { forwarded, fields } = await forwardMultipartFile(
      post(form),
      'file',
      async (before, file) => {
        seen.push({ fields: Object.fromEntries(before), filename: file.filename, text: await new Response(file.body).text() });
        return 'sent';
      },
      1_000_000,
    );
    expect(forwarded).toBe('sent');
    expect(seen).toEqual([{ fields: { csrf: 'token-1', kind: 'PEOPLE' }, filename: 'people.csv', text: 'first,last\nAmina,Rahimi\n' }]);
    expect(Object.fromEntries(fields)).toEqual({ csrf: 'token-1', kind: 'PEOPLE' });
  });

  it('answers null and forwards nothing when no file was chosen', async () => {
    const form = new FormData();
    form.append('csrf', 'token-1');
    form.append('file', new Blob([]), '');
    const forward = jest.fn();
    expect((await forwardMultipartFile(post(form), 'file', forward, 1_000_000)).forwarded).toBeNull();
    expect(forward).not.toHaveBeenCalled();
  });

  it('passes on a refusal from forward (a bad CSRF token), sending nothing', async () => {
    const form = new FormData();
    form.append('csrf', 'wrong');
    form.append('file', new Blob(['x']), 'a.csv');
    await expect(
      forwardMultipartFile(
        post(form),
        'file',
        async () => {
          throw new Response('refused', { status: 403 });
        },
        1_000_000,
      ),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('refuses an oversize field', async () => {
    const form = new FormData();
    form.append('kind', 'x'.repeat(20_000));
    await expect(forwardMultipartFile(post(form), 'file', jest.fn(), 1_000_000)).rejects.toMatchObject({ status: 413 });
  });

  it('reads and drops what the receiver left unread (an early refusal), and refuses a file over the limit', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(50_000)]), 'big.csv');
    // The receiver reads nothing and answers at once, as an API refusing the upload would.
    expect((await forwardMultipartFile(post(form), 'file', async () => 'refused early', 100_000)).forwarded).toBe('refused early');
    const tooBig = new FormData();
    tooBig.append('file', new Blob(['x'.repeat(50_000)]), 'big.csv');
    const received: string[] = [];
    const over = await forwardMultipartFile(
      post(tooBig),
      'file',
      async (_f, file) => {
        // The receiver sees its stream fail, never a complete-looking truncated file.
        await new Response(file.body).text().then(
          (text) => received.push(text),
          () => received.push('failed'),
        );
        return 'answered';
      },
      10_000,
    );
    expect(over.tooLarge).toBe(true);
    expect(received).toEqual(['failed']);
  });
});
