import { CreateEventDocument, EventFormOptionsDocument } from '@crm/staff-graphql';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EventFormFields } from '../components/events/event-form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { assertCsrf } from '../utils/csrf.server';
import { eventFormFields, NewEventForm, timeZoneOptions } from '../utils/events';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { showsOwnerField } from '../utils/records-forms';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { ownerOptions } from '../utils/owners.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'event.new.title');

// The zone a province's events usually take (the form's default; any Canadian zone may be chosen).
const provinceZone: Record<string, string> = {
  BC: 'America/Vancouver',
  AB: 'America/Edmonton',
  SK: 'America/Regina',
  MB: 'America/Winnipeg',
  ON: 'America/Toronto',
  QC: 'America/Toronto',
  NB: 'America/Moncton',
  NS: 'America/Halifax',
  PE: 'America/Halifax',
  NL: 'America/St_Johns',
  YT: 'America/Whitehorse',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'create', 'Event');
  // A member contact plans their organization's events but picks no owner (none to ask for).
  const [options, assignableOwners] = await Promise.all([gql(EventFormOptionsDocument, {}, { request }), ownerOptions(request, viewer)]);
  // A coordinator plans events in their regions: offer only those provinces.
  const provinces = viewer.role === 'COORDINATOR' ? options.provinces.filter((p) => viewer.provinceCodes.includes(p.code)) : options.provinces;
  // Zone offsets named here, once: a browser's zone data may differ from the server's (a mismatch would redraw the page).
  return { ...options, provinces, assignableOwners, viewerId: viewer.id, timeZones: timeZoneOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Event');
  const submission = parseForm(formData, NewEventForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  const input = formData.get(showsOwnerField) === '1' ? { ...submission.value, ownerId: submission.value.ownerId ?? null } : submission.value;
  let id: string;
  try {
    ({
      createEvent: { id },
    } = await gql(CreateEventDocument, { input }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: eventFormFields }) };
  }
  throw safeRedirect(`/events/${id}?created=1`);
}

export default function NewEvent() {
  const t = useT();
  const { campaigns, provinces, assignableOwners, viewerId, timeZones } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const province = provinces.length === 1 ? provinces[0].code : '';
  const [form, fields] = useAppForm(NewEventForm, {
    id: 'new-event',
    lastResult: answer?.result,
    defaultValue: {
      campaignId: campaigns.find((campaign) => campaign.isDefault)?.id ?? campaigns[0]?.id ?? '',
      provinceCode: province,
      timeZone: provinceZone[province] ?? '',
      ownerId: viewerId,
    },
  });
  return (
    <RecordFormPage title={t('event.new.title')} back={{ to: '/events', label: t('events.back') }} form={form} testId="event-form" saveTestId="save-event">
      <EventFormFields
        fields={fields}
        formId={form.id}
        campaigns={campaigns}
        provinces={provinces}
        owners={assignableOwners ? { options: assignableOwners } : null}
        hosts={{ organization: null, leaders: [] }}
        timeZones={timeZones}
      />
    </RecordFormPage>
  );
}
