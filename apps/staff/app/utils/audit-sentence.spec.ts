import { translator } from '@crm/i18n';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { auditSentence, recordPath, type SentencePart } from './audit-sentence';

// The slots as the screen fills them: the actor's name and the record's (or its neutral label).
const read = (parts: SentencePart[], record: string) =>
  parts.map((part) => ('text' in part ? part.text : part.slot === 'actor' ? 'Marie Tremblay' : record)).join('');

const person = { subjectType: 'Person', id: '0b0b0b0b-0000-4000-8000-000000000001', name: 'Amina Diallo', nameFr: null };
const update = (fields: string[]) => ({ action: 'person.update', subjectType: 'Person', subject: person, fieldChanges: fields.map((field) => ({ field })) });

describe('auditSentence', () => {
  it('says who changed which fields of whom, by the fields’ labels, in English and French', () => {
    expect(read(auditSentence(translator('en'), 'en', update(['city']), 'Amina Diallo'), 'Amina Diallo')).toBe('Marie Tremblay changed Amina Diallo’s city');
    expect(read(auditSentence(translator('en'), 'en', update(['consentEmail', 'provinceCode']), 'Amina Diallo'), 'Amina Diallo')).toBe(
      'Marie Tremblay changed Amina Diallo’s e-mail consent and province',
    );
    expect(read(auditSentence(translator('fr'), 'fr', update(['city', 'ownerId']), 'Amina Diallo'), 'Amina Diallo')).toBe(
      'Marie Tremblay a modifié la fiche d’Amina Diallo\u00a0: ville et responsable',
    );
    expect(read(auditSentence(translator('fr'), 'fr', update(['city']), 'Marc Roy'), 'Marc Roy')).toBe(
      'Marie Tremblay a modifié la fiche de Marc Roy\u00a0: ville',
    );
  });

  it('reads creations, merges and other actions as sentences; a hidden record by its neutral label', () => {
    const created = {
      ...update([]),
      action: 'organization.create',
      subjectType: 'Organization',
      subject: { ...person, subjectType: 'Organization', name: null },
    };
    expect(read(auditSentence(translator('en'), 'en', created, 'an organization'), 'an organization')).toBe('Marie Tremblay created an organization’s record');
    expect(read(auditSentence(translator('fr'), 'fr', created, 'un organisme'), 'un organisme')).toBe('Marie Tremblay a créé la fiche d’un organisme');
    const invite = { action: 'user.invite', subjectType: 'User', subject: { ...person, subjectType: 'User' }, fieldChanges: [] };
    expect(read(auditSentence(translator('en'), 'en', invite, 'Amina Diallo'), 'Amina Diallo')).toBe('Marie Tremblay: Invited a user · Amina Diallo');
    const signIn = { action: 'user.signIn', subjectType: 'User', subject: null, fieldChanges: [] };
    expect(read(auditSentence(translator('fr'), 'fr', signIn, ''), '')).toBe('Marie Tremblay\u00a0: Connexion');
    // On their own account, the actor is named once.
    const own = { ...signIn, subject: { ...person, subjectType: 'User' }, actorId: person.id };
    expect(read(auditSentence(translator('en'), 'en', own, 'Amina Diallo'), 'Amina Diallo')).toBe('Marie Tremblay: Signed in');
    expect(read(auditSentence(translator('en'), 'en', { ...own, actorId: 'someone-else' }, 'Amina Diallo'), 'Amina Diallo')).toBe(
      'Marie Tremblay: Signed in · Amina Diallo',
    );
  });

  it('never leaves a placeholder or an internal field name in the sentence', () => {
    const text = read(auditSentence(translator('fr'), 'fr', update(['consentEmail', 'doNotContact', 'livedExperience']), 'Amina'), 'Amina');
    expect(text).not.toMatch(/[{}]|consentEmail|doNotContact|livedExperience/);
  });

  it('reads an import’s steps as sentences in both languages, the import by its neutral label (it has no name)', () => {
    const step = (action: string) => ({ action, subjectType: 'ImportBatch', subject: null, fieldChanges: [] });
    expect(read(auditSentence(translator('en'), 'en', step('import.run'), 'an import'), 'an import')).toBe('Marie Tremblay started an import');
    expect(read(auditSentence(translator('fr'), 'fr', step('import.upload'), 'une importation'), 'une importation')).toBe(
      'Marie Tremblay a téléversé le fichier d’une importation',
    );
    expect(read(auditSentence(translator('fr'), 'fr', step('import.cancel'), 'une importation'), 'une importation')).toBe(
      'Marie Tremblay a annulé une importation',
    );
  });
});

describe('recordPath', () => {
  // Each record type the audit log names opens on its own page: the route file must exist.
  const routes = path.join(__dirname, '../routes');
  const routeFile = (url: string) => `${url.slice(1).replace(/\//g, '.').replace('0b0b0b0b-0000-4000-8000-000000000001', '$id')}`;
  it.each(['Person', 'Organization', 'User', 'ImportBatch', 'Campaign', 'Event', 'Pledge', 'Story', 'ToolkitItem', 'ToolkitRequest'])(
    'opens a %s on a page of the staff app',
    (subjectType) => {
      const url = recordPath({ subjectType, id: person.id });
      expect(url).toMatch(/^\/[a-z/-]+\/0b0b0b0b-/);
      const base = routeFile(url ?? '');
      expect([`${base}.tsx`, `${base}._index.tsx`].some((file) => existsSync(path.join(routes, file)))).toBe(true);
    },
  );
  it('has no page for a record type without one', () => {
    expect(recordPath({ subjectType: 'Outreach', id: person.id })).toBeNull();
  });
});
