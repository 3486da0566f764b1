import type { ImportFieldSpec } from './transfer-registry';

// Import fields most record types share, with the column names they are guessed from.

const contactType: ImportFieldSpec = {
  name: 'contactType',
  labelEn: 'Contact type',
  labelFr: 'Type de contact',
  headers: ['Contact Type', 'Type de contact', 'Type du contact'],
};
const province: ImportFieldSpec = {
  name: 'provinceCode',
  labelEn: 'Province',
  labelFr: 'Province',
  required: true,
  headers: [
    'State/Province',
    'State / Province',
    'Province',
    'State',
    'Province/Territory',
    'Province or territory',
    'Province Code',
    'Prov',
    'État/Province',
    'Province ou territoire',
    'Province/territoire',
    'Code de province',
  ],
};
const city: ImportFieldSpec = {
  name: 'city',
  labelEn: 'City',
  labelFr: 'Ville',
  headers: ['City', 'Town', 'Municipality', 'Ville', 'Municipalité', 'Localité'],
};
const tags: ImportFieldSpec = {
  name: 'tags',
  labelEn: 'Tags',
  labelFr: 'Étiquettes',
  multiple: true,
  headers: ['Tags', 'Tag', 'Tag(s)', 'Keywords', 'Étiquettes', 'Étiquette', 'Mots-clés', 'Mots clés'],
};
const notes: ImportFieldSpec = {
  name: 'notes',
  labelEn: 'Notes',
  labelFr: 'Notes',
  multiple: true,
  headers: ['Notes', 'Note', 'Note(s)', 'Comments', 'Comment', 'Remarques', 'Commentaires', 'Commentaire'],
};
const ownerEmail: ImportFieldSpec = {
  name: 'ownerEmail',
  labelEn: 'Owner e-mail',
  labelFr: 'Courriel de la personne responsable',
  headers: ['Owner', 'Owner Email', 'Owner E-mail', 'Assigned To', 'Responsable', 'Courriel du responsable', 'Courriel de la personne responsable'],
};

export const commonImportFields = { contactType, province, city, tags, notes, ownerEmail };
