import { formatDateTime, localizedName, officeTimeZone } from '@crm/i18n';
import type { AuditEntriesQuery, RegionFieldsFragment } from '@crm/staff-graphql';
import { Anchor, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@remix-run/react';
import { auditSentence, linkedWithoutName, neutralRecord, recordPath, refName, type AuditRef } from '../utils/audit-sentence';
import { changedField, fieldLabel, valueKey } from '../utils/audit-view';
import { isPlainMessageKey } from '../utils/messages';
import { useLanguage, useT } from '../utils/i18n';
import { useViewer } from '../utils/root-data';

const masked = '•••';

type AuditEntry = AuditEntriesQuery['auditEntries']['nodes'][number];
type FieldChange = AuditEntry['fieldChanges'][number];

/** A record named and linked where the viewer may see it; a neutral label otherwise (never an id). */
function RecordName({ record, fallbackType, fallbackId }: { record: AuditRef | null; fallbackType: string; fallbackId?: string | null }) {
  const t = useT();
  const lang = useLanguage();
  const name = refName(lang, record);
  if (!name && fallbackId && linkedWithoutName.has(fallbackType)) {
    return (
      <Anchor component={Link} to={recordPath({ subjectType: fallbackType, id: fallbackId }) ?? '/'} size="sm" fw={500} data-testid="audit-record">
        {neutralRecord(t, fallbackType)}
      </Anchor>
    );
  }
  if (!record || !name)
    return (
      <Text span size="sm">
        {neutralRecord(t, record?.subjectType ?? fallbackType)}
      </Text>
    );
  const path = recordPath(record);
  return path ? (
    <Anchor component={Link} to={path} size="sm" fw={500} data-testid="audit-record">
      {name}
    </Anchor>
  ) : (
    <Text span size="sm" fw={500}>
      {name}
    </Text>
  );
}

/** "Marie Tremblay changed Amina Diallo's city": the actor links to their entries, the record to its page. */
export function AuditSentence({ entry, actorHref }: { entry: AuditEntry; actorHref: string | null }) {
  const t = useT();
  const lang = useLanguage();
  const recordText = refName(lang, entry.subject) ?? neutralRecord(t, entry.subjectType);
  return (
    <Text size="sm" data-testid="audit-sentence">
      {auditSentence(t, lang, entry, recordText).map((part, index) => {
        if ('text' in part) return <span key={index}>{part.text}</span>;
        if (part.slot === 'record') return <RecordName key={index} record={entry.subject} fallbackType={entry.subjectType} fallbackId={entry.subjectId} />;
        return entry.actorId && actorHref ? (
          <Anchor key={index} component={Link} to={actorHref} size="sm" fw={500}>
            {entry.actorName ?? t('audit.value.someone')}
          </Anchor>
        ) : (
          <span key={index}>{t('audit.sentence.someone')}</span>
        );
      })}
    </Text>
  );
}

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// One value as people read it: records by name, roles and languages by name, region
// ids by region name, yes/no, "empty".
function Value({ change, side, subjectType, regions }: { change: FieldChange; side: 'from' | 'to'; subjectType: string; regions: RegionFieldsFragment[] }) {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const value = change[side];
  const record = side === 'from' ? change.fromRecord : change.toRecord;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('audit.value.empty')}
      </Text>
    );
  }
  if (record) return <RecordName record={record} fallbackType={record.subjectType} />;
  const field = changedField(change.field);
  const named = valueKey(subjectType, field, value);
  let text: string;
  if (named) text = t(named);
  else if (typeof value === 'boolean') text = t(value ? 'audit.value.yes' : 'audit.value.no');
  else if (field === 'role' && isPlainMessageKey(`role.${String(value)}`)) text = t(`role.${String(value)}` as 'role.ADMIN');
  else if (field === 'regionIds' && Array.isArray(value)) {
    text = value
      .map((id) => regions.find((region) => region.id === id))
      .map((region, i) => (region ? localizedName(lang, region) : String(value[i])))
      .join(', ');
  } else if (Array.isArray(value)) text = value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  // An instant (an event's start) as a date and time in the viewer's zone, not 2027-03-11T00:00:00.000Z.
  else if (typeof value === 'string' && instant.test(value)) text = formatDateTime(lang, value, { timeZone: viewer?.timeZone ?? officeTimeZone });
  else text = String(value);
  // (Node's and the browser's ICU may space a date differently: the server's text is kept.)
  return (
    <Text span size="sm" fw={500} suppressHydrationWarning>
      {text}
    </Text>
  );
}

function sameSides(change: FieldChange): boolean {
  return change.from !== null && JSON.stringify(change.from) === JSON.stringify(change.to);
}

// "Field: from → to", one line per changed field; a masked field says it changed, never its values.
export function AuditChanges({
  changes,
  subjectType,
  regions,
  action,
}: {
  changes: readonly FieldChange[];
  subjectType: string;
  regions: RegionFieldsFragment[];
  action: string;
}) {
  const t = useT();
  // A sign-in or an invitation changes no field by nature: nothing to say, rather than "no field changed".
  if (!changes.length && !action.endsWith('.update'))
    return (
      <Text size="sm" c="dimmed" aria-hidden="true">
        —
      </Text>
    );
  if (!changes.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="audit-changes">
      {changes.map((change) => (
        <Group key={change.field} gap={6} wrap="wrap" data-field={change.field} data-masked={change.masked || undefined}>
          <Text span size="sm" c="dimmed">
            {t('audit.change.field', { field: fieldLabel(t, changedField(change.field)) })}
          </Text>
          {change.masked ? (
            <Text span size="sm" c="dimmed" title={t('audit.value.masked')}>
              <span aria-hidden="true">{masked}</span>
              <VisuallyHidden>{t('audit.value.changedMasked')}</VisuallyHidden>
            </Text>
          ) : sameSides(change) ? (
            // Context, not a change (whose answer an RSVP entry records): the value once.
            <Value change={change} side="to" subjectType={subjectType} regions={regions} />
          ) : (
            <>
              <Value change={change} side="from" subjectType={subjectType} regions={regions} />
              <Text span size="sm" c="dimmed" aria-hidden>
                →
              </Text>
              <Value change={change} side="to" subjectType={subjectType} regions={regions} />
            </>
          )}
        </Group>
      ))}
    </Stack>
  );
}
