import { pledgeKindValues } from '@crm/contracts';
import { formatDate, localized } from '@crm/i18n';
import { CreatePledgeDocument, PledgeEventDocument, PledgeFormOptionsDocument, PledgeOrganizationDocument, PledgePersonDocument } from '@crm/staff-graphql';
import { Grid, Input, Stack, Text } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { campaignOptions } from '../utils/campaigns';
import { errorText, SelectField, TextAreaField, TextField } from '../components/form-fields';
import { RecordFormPage } from '../components/records/record-form-page';
import { RecordPicker } from '../components/records/record-picker';
import { assertCsrf } from '../utils/csrf.server';
import { replyWithApiError } from '../utils/form-errors.server';
import { parseForm } from '../utils/forms';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { NewPledgeForm, pledgeFormFields, pledgeKindKey } from '../utils/pledges';
import { organizationName, personName } from '../utils/records';
import { useAbility } from '../utils/root-data';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { useAppForm } from '../utils/use-app-form';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'pledge.new.title');

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idParam = (params: URLSearchParams, name: string) => {
  const value = params.get(name) ?? '';
  return uuid.test(value) ? value : '';
};

// `/pledges/new?personId=|organizationId=|eventId=`: opened from a person's, an organization's
// or an event's page, the form starts with that pledger or event (a record out of sight is left out).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'create', 'Pledge');
  const params = new URL(request.url).searchParams;
  const personId = idParam(params, 'personId');
  const organizationId = personId ? '' : idParam(params, 'organizationId');
  const eventId = idParam(params, 'eventId');
  // Events of the last 90 days and to come: where a pledge is usually made.
  const eventsFrom = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const [options, person, organization, event] = await Promise.all([
    gql(PledgeFormOptionsDocument, { eventsFrom }, { request }),
    personId ? gql(PledgePersonDocument, { id: personId }, { request }).catch(() => null) : null,
    organizationId ? gql(PledgeOrganizationDocument, { id: organizationId }, { request }).catch(() => null) : null,
    eventId ? gql(PledgeEventDocument, { id: eventId }, { request }).catch(() => null) : null,
  ]);
  const events = options.events.nodes;
  // The event it was opened from is offered even if it is older than the list's window.
  if (event && !events.some((entry) => entry.id === event.event.id)) events.unshift({ ...event.event, startsAt: '' });
  return {
    campaigns: options.campaigns,
    events,
    person: person ? { id: person.person.id, name: personName(person.person) } : null,
    outreach: person?.outreachList.nodes ?? [],
    organization: organization?.organization ?? null,
    eventId: event?.event.id ?? '',
    back: person
      ? `/people/${person.person.id}`
      : organization
        ? `/organizations/${organization.organization.id}`
        : event
          ? `/events/${event.event.id}`
          : '/pledges',
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'create', 'Pledge');
  const submission = parseForm(formData, NewPledgeForm);
  if (submission.status !== 'success') return { result: submission.reply() };
  let id: string;
  try {
    ({
      createPledge: { id },
    } = await gql(CreatePledgeDocument, { input: submission.value }, { request }));
  } catch (error) {
    return { result: replyWithApiError(submission, error, { fields: pledgeFormFields }) };
  }
  throw safeRedirect(`/pledges/${id}?created=1`);
}

export default function NewPledge() {
  const t = useT();
  const lang = useLanguage();
  const ability = useAbility();
  const { campaigns, events, person, outreach, organization, eventId, back } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const defaultCampaign = campaigns.find((campaign) => campaign.isDefault) ?? campaigns[0];
  const [form, fields] = useAppForm(NewPledgeForm, {
    id: 'new-pledge',
    lastResult: answer?.result,
    defaultValue: { campaignId: defaultCampaign?.id ?? '', eventId, personId: person?.id ?? '', organizationId: organization?.id ?? '' },
  });
  const fixedPledger = person ?? (organization ? { id: organization.id, name: organizationName(lang, organization) } : null);
  const pledgerError = errorText(t, fields.personId.errors) ?? errorText(t, fields.organizationId.errors);
  // Only the chosen campaign's asks: an ask of another campaign would be refused on saving.
  const chosenCampaign = campaigns.find((campaign) => campaign.id === fields.campaignId.value) ?? defaultCampaign;
  const asks = (chosenCampaign?.policyAsks ?? []).map((ask) => ({ value: ask.id, label: localized(lang, ask, 'title') }));

  return (
    <RecordFormPage title={t('pledge.new.title')} back={{ to: back, label: t('pledge.new.back') }} form={form} testId="pledge-form" saveTestId="save-pledge">
      <Stack gap="md">
        {fixedPledger ? (
          <Input.Wrapper label={t('pledge.pledger')} error={pledgerError} data-testid="pledge-pledger-fixed">
            <input type="hidden" name={person ? fields.personId.name : fields.organizationId.name} value={fixedPledger.id} />
            <Text size="sm" fw={600}>
              {fixedPledger.name}
            </Text>
          </Input.Wrapper>
        ) : (
          <Grid gutter="md">
            {ability.can('read', 'Person') ? (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <RecordPicker
                  kind="person"
                  name={fields.personId.name}
                  label={t('pledge.person')}
                  initial={[]}
                  error={pledgerError}
                  formId={form.id}
                  testId="pledge-person"
                />
              </Grid.Col>
            ) : null}
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <RecordPicker
                kind="organization"
                name={fields.organizationId.name}
                label={t('pledge.organization')}
                initial={[]}
                formId={form.id}
                testId="pledge-organization"
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Text size="xs" c="dimmed">
                {t('pledge.pledger.hint')}
              </Text>
            </Grid.Col>
          </Grid>
        )}
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <SelectField
              field={fields.kind}
              label={t('pledge.kind')}
              data={[{ value: '', label: '' }, ...pledgeKindValues.map((value) => ({ value, label: t(pledgeKindKey(value)) }))]}
              data-testid="pledge-kind"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <SelectField
              field={fields.policyAskId}
              label={t('pledge.policyAsk')}
              description={t('pledge.policyAsk.hint')}
              data={[{ value: '', label: '' }, ...asks]}
              data-testid="pledge-policy-ask"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <SelectField field={fields.campaignId} label={t('pledge.campaign')} data={campaignOptions(lang, campaigns)} data-testid="pledge-campaign" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextField field={fields.dueOn} type="date" label={t('pledge.dueOn')} data-testid="pledge-due" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <SelectField
              field={fields.eventId}
              label={t('pledge.event')}
              description={t('pledge.event.hint')}
              data={[
                { value: '', label: t('pledge.event.none') },
                ...events.map((event) => ({
                  value: event.id,
                  label: [
                    localized(lang, { titleEn: event.titleEn, titleFr: event.titleFr ?? event.titleEn }, 'title'),
                    event.startsAt ? formatDate(lang, event.startsAt) : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                })),
              ]}
              data-testid="pledge-event"
            />
          </Grid.Col>
          {person ? (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SelectField
                field={fields.outreachId}
                label={t('pledge.outreach')}
                description={t('pledge.outreach.hint')}
                data={[
                  { value: '', label: t('pledge.outreach.none') },
                  ...outreach.map((entry) => ({
                    value: entry.id,
                    label: `${formatDate(lang, entry.occurredOn)} · ${t(`outreach.channel.${entry.channel}`)} · ${t(`outreach.outcome.${entry.outcome}`)}`,
                  })),
                ]}
                data-testid="pledge-outreach"
              />
            </Grid.Col>
          ) : null}
        </Grid>
        <TextAreaField
          field={fields.evidence}
          label={t('pledge.evidence')}
          description={t('pledge.evidence.hint')}
          minRows={2}
          data-testid="pledge-evidence-field"
        />
        <TextAreaField field={fields.notes} label={t('records.notes')} minRows={2} data-testid="pledge-notes" />
      </Stack>
    </RecordFormPage>
  );
}
