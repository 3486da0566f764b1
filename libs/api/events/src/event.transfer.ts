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
import { catalogueLabels, exportCells, TransferRegistry, type ExportColumn, type ExportList } from '@crm/records';
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
  { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
  { key: 'title', en: 'Event', fr: 'Événement', cell: (r) => r.title },
  { key: 'kind', en: 'Kind', fr: 'Type', cell: (r, lang) => kind(r.kind, lang) },
  { key: 'status', en: 'Status', fr: 'Statut', cell: (r, lang) => status(r.status, lang) },
  { key: 'campaign', en: 'Campaign', fr: 'Campagne', cell: (r) => r.campaign },
  { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
  { key: 'startsLocal', en: 'Starts (local time)', fr: 'Début (heure locale)', cell: (r) => r.starts_local },
  { key: 'endsLocal', en: 'Ends (local time)', fr: 'Fin (heure locale)', cell: (r) => r.ends_local },
  { key: 'timeZone', en: 'Time zone', fr: 'Fuseau horaire', cell: (r) => r.time_zone },
  { key: 'place', en: 'Place', fr: 'Lieu', cell: (r) => r.place },
  { key: 'onlineUrl', en: 'Online link', fr: 'Lien en ligne', cell: (r) => r.online_url },
  { key: 'capacity', en: 'Capacity', fr: 'Capacité', cell: (r) => r.capacity },
  { key: 'hostOrganization', en: 'Host organization', fr: 'Organisme hôte', cell: (r) => r.host_organization },
  { key: 'coming', en: 'Coming', fr: 'Présences prévues', cell: (r) => r.coming },
  { key: 'attended', en: 'Checked in', fr: 'Arrivées', cell: (r) => r.attended },
  { key: 'headCount', en: 'Head count (not in the CRM)', fr: 'Décompte (hors CRM)', cell: (r) => r.head_count },
  { key: 'startsAt', en: 'Starts', fr: 'Début', cell: (r) => r.starts_at },
  { key: 'createdAt', en: 'Created', fr: 'Créé le', cell: (r) => r.created_at },
  { key: 'updatedAt', en: 'Updated', fr: 'Modifié le', cell: (r) => r.updated_at },
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
  { key: 'id', en: 'ID', fr: 'ID', cell: (r) => r.id },
  { key: 'eventId', en: 'Event ID', fr: 'ID de l’événement', cell: (r) => r.event_id },
  { key: 'event', en: 'Event', fr: 'Événement', cell: (r) => r.event_title },
  { key: 'provinceCode', en: 'Province', fr: 'Province', cell: (r) => r.province_code },
  { key: 'startsLocal', en: 'Starts (local time)', fr: 'Début (heure locale)', cell: (r) => r.starts_local },
  { key: 'timeZone', en: 'Time zone', fr: 'Fuseau horaire', cell: (r) => r.time_zone },
  { key: 'personId', en: 'Person ID', fr: 'ID de la personne', cell: (r) => r.person_id },
  { key: 'person', en: 'Person', fr: 'Personne', cell: (r) => r.person_name },
  { key: 'response', en: 'Answer', fr: 'Réponse', cell: (r, lang) => response(r.response, lang) },
  { key: 'invitedAt', en: 'Invited', fr: 'Invitée le', cell: (r) => r.invited_at },
  { key: 'respondedAt', en: 'Answered', fr: 'Réponse le', cell: (r) => r.responded_at },
  { key: 'attended', en: 'Attended', fr: 'Présente', cell: (r, lang) => exportCells.yesNo(r.checked_in_at !== null, lang) },
  { key: 'checkedInAt', en: 'Checked in', fr: 'Arrivée le', cell: (r) => r.checked_in_at },
];

export const rsvpsExportList: ExportList<RsvpListFilter, RsvpExportRow> = {
  name: 'rsvps',
  subject: 'Event',
  graphqlList: 'eventRsvps',
  filter: RsvpListFilter,
  filename: { en: 'rsvps-and-attendance', fr: 'reponses-et-presences' },
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
