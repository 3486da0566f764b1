// The quick log's contacts kept in the browser until the API has them (decision 080):
// a contact is stored here before it is sent, and removed only once the API answered
// (saved, or refused for a reason a resend cannot fix). Each carries its client id,
// so sending it again after a lost answer records nothing twice.

const storageKey = 'crm.outreach.pending.v1';

export interface PendingContact {
  clientId: string;
  personId: string;
  fields: [string, string][];
}

export type SendResult = { sent: PendingContact[]; refused: { contact: PendingContact; problems: string[] }[]; offline: boolean };

function read(): PendingContact[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function write(list: PendingContact[]): void {
  window.localStorage.setItem(storageKey, JSON.stringify(list));
}

export function pendingContacts(): PendingContact[] {
  return read();
}

export function keepContact(contact: PendingContact): void {
  write([...read().filter((entry) => entry.clientId !== contact.clientId), contact]);
}

function drop(clientId: string): void {
  write(read().filter((entry) => entry.clientId !== clientId));
}

let sending: Promise<SendResult> | null = null;

/** Sends every kept contact, oldest first; stops at the first network failure (still offline). */
export function sendPending(csrfToken: string): Promise<SendResult> {
  // One sender at a time: the "online" event and a save must not send one contact twice at once.
  sending ??= (async () => {
    const result: SendResult = { sent: [], refused: [], offline: false };
    for (const contact of read()) {
      let response: Response;
      try {
        const body = new URLSearchParams(contact.fields.filter(([name]) => name !== 'csrf'));
        body.set('csrf', csrfToken);
        response = await fetch('/outreach/sync', { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json' } });
      } catch {
        result.offline = true;
        break;
      }
      // Signed out, or the server is away: keep it for later.
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) {
        result.offline = response.status >= 500 || response.status === 0;
        break;
      }
      const answer = (await response.json()) as { status: string; problems?: string[] };
      drop(contact.clientId);
      if (answer.status === 'saved') result.sent.push(contact);
      else result.refused.push({ contact, problems: answer.problems ?? ['invalid'] });
    }
    return result;
  })().finally(() => {
    sending = null;
  });
  return sending;
}
