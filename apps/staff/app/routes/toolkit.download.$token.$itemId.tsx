import { RecordToolkitDownloadDocument } from '@crm/staff-graphql';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { ApiError, gql } from '../utils/graphql.server';

// GET /toolkit/download/:token/:itemId — the tracked link in toolkit e-mails (no sign-in: the
// token is the credential). The API counts the first download of the item for that request
// (one per requester, however often the link is clicked) and answers the file's address.
export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { recordToolkitDownload } = await gql(RecordToolkitDownloadDocument, { token: params.token ?? '', itemId: params.itemId ?? '' }, { request });
    // The one redirect off this site on purpose: to the file's address, which staff set in the
    // catalogue (an http(s) URL, checked when saved; checked again here), never one from the link.
    if (!/^https?:\/\//i.test(recordToolkitDownload)) throw new Response(null, { status: 404 });
    return new Response(null, {
      status: 302,
      headers: { Location: recordToolkitDownload, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
    });
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')) throw new Response(null, { status: 404 });
    throw error;
  }
}
