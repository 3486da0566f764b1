import type { TypedDocumentNode } from '@crm/staff-graphql';
import { print, type DocumentNode } from 'graphql';
import { apiHeaders, apiUrl } from './api.server';

// The codes the API puts in `extensions.code`, plus two of ours for when no
// GraphQL answer came back at all.
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'API_UNREACHABLE'
  | 'BAD_RESPONSE'
  | (string & {});

export type GraphQLErrorEntry = {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
};

export type ApiFieldProblem = { path: (string | number)[]; code?: string; params?: Record<string, string | number>; message: string };

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly errors: GraphQLErrorEntry[] = [],
    readonly status?: number,
  ) {
    super(message);
  }

  // BAD_USER_INPUT carries the field paths and messages for the form to show.
  get extensions(): GraphQLErrorEntry['extensions'] {
    return this.errors[0]?.extensions;
  }

  // `extensions.fields` of every error: [{ path: ['input', 'email'], message }].
  get fields(): ApiFieldProblem[] {
    return this.errors.flatMap((error) => {
      const fields = error.extensions?.fields;
      if (!Array.isArray(fields)) return [];
      return fields.filter(
        (field): field is ApiFieldProblem =>
          typeof field === 'object' && field !== null && Array.isArray(field.path) && (typeof field.code === 'string' || typeof field.message === 'string'),
      );
    });
  }
}

const timeoutMs = 10_000;
const printed = new WeakMap<DocumentNode, string>();

function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

// The one way the staff app talks to the API: a typed document from
// @crm/staff-graphql, its variables, and the incoming request (for the request id,
// the language and the user's token). Resolves to the typed data or throws ApiError.
export async function gql<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  { request }: { request: Request },
): Promise<TData> {
  const headers = await apiHeaders(request);
  let response: Response;
  try {
    response = await fetch(apiUrl('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: queryText(document), variables }),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]),
    });
  } catch (cause) {
    // The browser went away (navigated, closed): nothing to report.
    if (request.signal.aborted) throw cause;
    throw Object.assign(new ApiError('API_UNREACHABLE', 'The API could not be reached'), { cause });
  }

  const body = (await response.json().catch(() => undefined)) as { data?: TData | null; errors?: GraphQLErrorEntry[] } | undefined;
  if (!body || typeof body !== 'object') {
    throw new ApiError('BAD_RESPONSE', `The API answered ${response.status} without a GraphQL body`, [], response.status);
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message, body.errors, response.status);
  }
  if (!response.ok || body.data == null) {
    throw new ApiError('BAD_RESPONSE', `The API answered ${response.status} without data`, [], response.status);
  }
  return body.data;
}
