import { EventDocument, EventFormOptionsDocument, UpdateEventDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EventFormFields } from '../components/events/event-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { assertCsrf } from '../utils/csrf.server';
import { EventForm, eventFormFields, eventTextFields, timeZoneOptions } from '../utils/events';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { ApiError, gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { completeUpdate, ownerTextFields } from '../utils/records-forms';
import { organizationName, personName } from '../utils/records';
import { orNotFound } from '../utils/records.server';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { ownerOptions } from '../utils/owners.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => recordPageTitle(matches, 'events.title', data ? () => data.event.titleEn : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'update', 'Event');
  const [{ event }, options, assignableOwners] = await Promise.all([
    orNotFound(() => gql(EventDocument, { id: params.id ?? '' }, { request })),
    gql(EventFormOptionsDocument, {}, { request }),
    // A member contact edits their organization's events but picks no owner.
    ownerOptions(request, viewer),
  ]);
  // Held and cancelled events are history: their page says what happened.
  if (event.status === 'held' || event.status === 'cancelled') throw safeRedirect(`/events/${event.id}`);
  // Zone offsets named here, once: a browser's zone data may differ from the server's (a mismatch would redraw the page).
  return { event, ...options, assignableOwners, timeZones: timeZoneOptions(event.timeZone) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'update', 'Event');
  const submission = parseForm(formData, EventForm);
  if (submission.status !== 'success') return { conflict: false, result: submission.reply() };
  const input = completeUpdate(
    { ...submission.value, id: params.id ?? submission.value.id },
    { text: ownerTextFields(formData, eventTextFields), lists: ['hostPersonIds'] },
  );
  try {
    await gql(UpdateEventDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, { fields: eventFormFields, messages: { CONFLICT: 'records.conflict' } });
    return { conflict: error instanceof ApiError && error.code === 'CONFLICT', result };
  }
  throw safeRedirect(`/events/${params.id}?saved=1`);
}

export default function EditEvent() {
  const t = useT();
  const lang = useLanguage();
  const { event, campaigns, provinces, assignableOwners, timeZones } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const title = lang === 'fr' ? (event.titleFr ?? event.titleEn) : event.titleEn;
  const [form, fields] = useAppForm(EventForm, {
    id: `edit-event-${event.id}-${event.version}`,
    lastResult: answer?.result,
    defaultValue: {
      id: event.id,
      version: event.version,
      campaignId: event.campaignId,
      titleEn: event.titleEn,
      titleFr: event.titleFr ?? '',
      descriptionEn: event.descriptionEn ?? '',
      descriptionFr: event.descriptionFr ?? '',
      kind: event.kind,
      provinceCode: event.provinceCode,
      timeZone: event.timeZone,
      startsAt: event.startsAtLocal,
      endsAt: event.endsAtLocal,
      place: event.place ?? '',
      onlineUrl: event.onlineUrl ?? '',
      capacity: event.capacity ?? '',
      ownerId: event.ownerId ?? '',
    },
  });
  return (
    <RecordFormPage
      title={t('event.edit.title', { title })}
      back={{ to: `/events/${event.id}`, label: title }}
      form={form}
      testId="event-form"
      saveTestId="save-event"
      conflict={answer?.conflict}
      hidden={
        <>
          <input type="hidden" name="id" value={event.id} />
          <input type="hidden" name="version" value={event.version} />
        </>
      }
    >
      <EventFormFields
        fields={fields}
        formId={form.id}
        campaigns={campaigns}
        provinces={provinces}
        owners={assignableOwners ? { options: assignableOwners, currentOwnerId: event.ownerId } : null}
        hosts={{
          organization: event.organizationId
            ? { id: event.organizationId, name: event.hostOrganization ? organizationName(lang, event.hostOrganization) : '—' }
            : null,
          leaders: (event.hostLeaders ?? []).map((leader) => ({ id: leader.id, name: personName(leader) })),
        }}
        timeZones={timeZones}
      />
    </RecordFormPage>
  );
}
