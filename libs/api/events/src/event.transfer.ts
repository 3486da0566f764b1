import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  EventFilter,
  eventKindValues,
  eventStatusValues,
  RsvpListFilter,
  rsvpResponseValues,
  type EventKind,
  type EventStatus,
  type RsvpResponse,
} from '@crm/contracts';
import { catalogueLabels, exportCells, fieldColumn, labelColumn, recordColumns, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
import { eventExportQuery } from './event.repository';
import { rsvpExportQuery } from './rsvp.repository';

/** An event as the export query returns it (snake_case, straight from PostgreSQL). */
export interface EventExportRow {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  campaign: string;
  province_code: string;
  time_zone: string;
  starts_local: string;
  ends_local: string;
  place: string | null;
  online_url: string | null;
  capacity: number | null;
  host_organization: string | null;
  coming: number;
  attended: number;
  head_count: number;
  starts_at: Date;
  created_at: Date;
  updated_at: Date;
}

const kind = exportCells.label(catalogueLabels<EventKind>(eventKindValues, (code) => `event.kind.${code}`));
const status = exportCells.label(catalogueLabels<EventStatus>(eventStatusValues, (code) => `event.status.${code}`));

// Stable order: new columns at the end. Local times are the event's own wall clock (its zone beside them).
const eventExportColumns: ExportColumn<EventExportRow>[] = [
  recordColumns.id,
  fieldColumn('title', 'Event', 'Événement', 'title'),
  labelColumn('kind', 'Kind', 'Type', 'kind', kind),
  labelColumn('status', 'Status', 'Statut', 'status', status),
  recordColumns.campaign,
  recordColumns.provinceCode,
  fieldColumn('startsLocal', 'Starts (local time)', 'Début (heure locale)', 'starts_local'),
  fieldColumn('endsLocal', 'Ends (local time)', 'Fin (heure locale)', 'ends_local'),
  fieldColumn('timeZone', 'Time zone', 'Fuseau horaire', 'time_zone'),
  fieldColumn('place', 'Place', 'Lieu', 'place'),
  fieldColumn('onlineUrl', 'Online link', 'Lien en ligne', 'online_url'),
  fieldColumn('capacity', 'Capacity', 'Places', 'capacity'),
  fieldColumn('hostOrganization', 'Host organization', 'Organisme hôte', 'host_organization'),
  fieldColumn('coming', 'Coming', 'Présences prévues', 'coming'),
  fieldColumn('attended', 'Arrived', 'Arrivées', 'attended'),
  fieldColumn('headCount', 'Head count (not in the CRM)', 'Décompte (hors CRM)', 'head_count'),
  fieldColumn('startsAt', 'Starts', 'Début', 'starts_at'),
  recordColumns.createdAt,
  recordColumns.updatedAt,
];

export const eventsExportList: ExportList<EventFilter, EventExportRow> = {
  name: 'events',
  subject: 'Event',
  graphqlList: 'events',
  filter: EventFilter,
  filename: { en: 'events', fr: 'événements' },
  query: eventExportQuery,
  columns: eventExportColumns,
};

/** An answer as the export query returns it. */
export interface RsvpExportRow {
  id: string;
  event_id: string;
  event_title: string;
  province_code: string;
  starts_local: string;
  time_zone: string;
  person_id: string;
  person_name: string;
  response: RsvpResponse;
  invited_at: Date | null;
  responded_at: Date | null;
  checked_in_at: Date | null;
}

const response = exportCells.label(catalogueLabels<RsvpResponse>(rsvpResponseValues, (code) => `event.rsvp.${code}`));

// Stable order: new columns at the end.
const rsvpExportColumns: ExportColumn<RsvpExportRow>[] = [
  recordColumns.id,
  fieldColumn('eventId', 'Event ID', 'ID de l’événement', 'event_id'),
  fieldColumn('event', 'Event', 'Événement', 'event_title'),
  recordColumns.provinceCode,
  fieldColumn('startsLocal', 'Starts (local time)', 'Début (heure locale)', 'starts_local'),
  fieldColumn('timeZone', 'Time zone', 'Fuseau horaire', 'time_zone'),
  fieldColumn('personId', 'Person ID', 'ID de la personne', 'person_id'),
  fieldColumn('person', 'Person', 'Personne', 'person_name'),
  labelColumn('response', 'Answer', 'Réponse', 'response', response),
  fieldColumn('invitedAt', 'Invited', 'Invitée le', 'invited_at'),
  fieldColumn('respondedAt', 'Answered', 'Réponse le', 'responded_at'),
  { key: 'attended', en: 'Attended', fr: 'Présence', cell: (r, lang) => exportCells.yesNo(r.checked_in_at !== null, lang) },
  fieldColumn('checkedInAt', 'Arrived', 'Arrivée le', 'checked_in_at'),
];

export const rsvpsExportList: ExportList<RsvpListFilter, RsvpExportRow> = {
  name: 'rsvps',
  subject: 'Event',
  graphqlList: 'eventRsvps',
  filter: RsvpListFilter,
  filename: { en: 'answers-and-attendance', fr: 'reponses-et-presences' },
  query: rsvpExportQuery,
  columns: rsvpExportColumns,
};

/** The events list and the answers list in the registry data-transfer reads (`GET /export/events.csv`, `/export/rsvps.csv`). */
@Injectable()
export class EventTransfer implements OnModuleInit {
  constructor(private readonly registry: TransferRegistry) {}

  onModuleInit(): void {
    this.registry.registerExport(eventsExportList);
    this.registry.registerExport(rsvpsExportList);
  }
}
