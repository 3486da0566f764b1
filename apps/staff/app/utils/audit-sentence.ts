import type { Language, Translate } from '@crm/i18n';
import { fieldLabel } from './audit-view';
import { isPlainMessageKey } from './messages';

// How an audit entry reads as a sentence (decision 027): the template per verb, the
// record's name in the language's possessive, fields by their labels.

export type AuditRef = { subjectType: string; id: string; name: string | null; nameFr: string | null };

export type SentencePart = { text: string } | { slot: 'actor' | 'record' };

const verbs = ['create', 'update', 'archive', 'merge', 'mergedInto', 'import'] as const;
type Verb = (typeof verbs)[number];
const importSteps = ['upload', 'run', 'cancel'] as const;

/** Records without a name of their own whose page is still worth a link (the page checks access). */
export const linkedWithoutName: ReadonlySet<string> = new Set(['ImportBatch', 'Pledge']);

function verbOf(action: string): Verb | null {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return (verbs as readonly string[]).includes(verb) ? (verb as Verb) : null;
}

// Where each record type opens in the staff app (the types that have pages).
const recordPages: Record<string, string> = {
  Person: '/people',
  Organization: '/organizations',
  User: '/admin/users',
  ImportBatch: '/imports',
  Campaign: '/campaigns',
  Event: '/events',
  Pledge: '/pledges',
  Story: '/stories',
  ToolkitItem: '/toolkit/catalogue',
  ToolkitRequest: '/toolkit/requests',
};

/** Where a record opens in the staff app, or null for a type without pages. */
export function recordPath(ref: Pick<AuditRef, 'subjectType' | 'id'>): string | null {
  const page = Object.hasOwn(recordPages, ref.subjectType) ? recordPages[ref.subjectType] : undefined;
  return page ? `${page}/${ref.id}` : null;
}

/** The record's name in the viewer's language, or null when the viewer may not see it. */
export function refName(lang: Language, ref: AuditRef | null): string | null {
  if (!ref?.name) return null;
  return lang === 'fr' && ref.nameFr ? ref.nameFr : ref.name;
}

/** "a person", "an organization"… for a record whose name is not shown. */
export function neutralRecord(t: Translate, subjectType: string): string {
  const key = `audit.record.hidden.${subjectType}`;
  return isPlainMessageKey(key) ? t(key) : t('audit.record.hidden');
}

export function actionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return isPlainMessageKey(key) ? t(key) : action;
}

// French elides "de" before a vowel or a mute h: "d’Amina", "de Marie".
const elides = /^[aeiouyhàâäéèêëîïôöùûüœæ]/i;

// Placeholders stand in the translated text as markers (a private-use character), then split into parts.
const marker = (slot: string) => `\u{E000}${slot}\u{E000}`;

function parts(text: string): SentencePart[] {
  return text
    .split(/\u{E000}(actor|record)\u{E000}/u)
    .map((piece, index) => (index % 2 === 1 ? { slot: piece as 'actor' | 'record' } : { text: piece }))
    .filter((part) => !('text' in part) || part.text !== '');
}

/**
 * An entry as a sentence, in parts: text, and the slots where the screen puts the
 * actor's and the record's names (links). `recordText` is the record's name, or its
 * neutral label when the viewer may not see it.
 */
export function auditSentence(
  t: Translate,
  lang: Language,
  entry: { action: string; subjectType: string; subject: AuditRef | null; fieldChanges: readonly { field: string }[]; actorId?: string | null },
  recordText: string,
): SentencePart[] {
  const say = t as unknown as (key: string, params: Record<string, string>) => string;
  const actor = marker('actor');
  const record = marker('record');
  const ofRecord = say(lang === 'fr' && elides.test(recordText) ? 'audit.record.ofVowel' : 'audit.record.of', { name: record });
  // An import's steps: "Alex Admin started an import" (an import has no name; its page says what it holds).
  const importStep = importSteps.find((step) => entry.subjectType === 'ImportBatch' && entry.action === `import.${step}`);
  if (importStep) return parts(say(`audit.sentence.importBatch.${importStep}`, { actor, record }));
  const verb = entry.subject ? verbOf(entry.action) : null;
  if (verb === 'update') {
    if (entry.fieldChanges.length === 0) return parts(t('audit.sentence.updateNothing', { actor, ofRecord }));
    const labels = entry.fieldChanges.map(({ field }) => lowerFirst(fieldLabel(t, field)));
    const fields = new Intl.ListFormat(lang, { type: 'conjunction' }).format(labels);
    return parts(t('audit.sentence.update', { actor, ofRecord, fields }));
  }
  if (verb) return parts(say(`audit.sentence.${verb}`, { actor, ofRecord }));
  // A user acting on their own account ("Alex Admin: Signed in"), not "… · Alex Admin" again.
  const themselves = entry.subjectType === 'User' && entry.subject?.id === entry.actorId;
  if (entry.subject && !themselves) return parts(t('audit.sentence.other', { actor, action: actionLabel(t, entry.action), record }));
  return parts(t('audit.sentence.otherNoRecord', { actor, action: actionLabel(t, entry.action) }));
}

// "E-mail consent" inside a sentence: "e-mail consent" (an acronym stays: "URL").
function lowerFirst(label: string): string {
  return /^[A-ZÀ-Ý](?![A-ZÀ-Ý])/.test(label) ? label[0].toLocaleLowerCase() + label.slice(1) : label;
}
