import { getFormProps, type SubmissionResult } from '@conform-to/react';
import type { ToolkitStep } from '@crm/contracts';
import type { OwnerOptionFieldsFragment, ToolkitRequestFieldsFragment } from '@crm/staff-graphql';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { Form, useNavigation } from '@remix-run/react';
import { ActionForm } from '../action-form';
import { FormAlert, SelectField, TextAreaField } from '../form-fields';
import { useLanguage, useT } from '../../utils/i18n';
import { organizationName } from '../../utils/records';
import { MoveToolkitRequestForm, toolkitStepKey } from '../../utils/toolkit';
import { useAppForm } from '../../utils/use-app-form';
import { useAllowedSteps } from './request-card';

type Answer = { step: string; result: SubmissionResult<string[]> } | undefined;
type Assignees = {
  search: string;
  owners: OwnerOptionFieldsFragment[];
  organizations: { id: string; nameEn: string; nameFr: string; provinceCode: string; city: string | null }[];
} | null;

/** A request page's next steps, each the viewer may take: a button, or a short form (assign: to whom; decline: why). */
export function RequestActions({ request, answer, assignees }: { request: ToolkitRequestFieldsFragment; answer: Answer; assignees: Assignees }) {
  const t = useT();
  const steps = useAllowedSteps(request);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actions-title" data-testid="toolkit-actions">
      <Title order={2} size="h4" id="actions-title" mb="md">
        {t('toolkit.request.actions')}
      </Title>
      {steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('toolkit.request.noActions')}
        </Text>
      ) : (
        <Stack gap="lg">
          {steps.map((step) => (
            <StepForm key={step} step={step} request={request} lastResult={answer?.step === step ? answer.result : undefined} assignees={assignees} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function StepForm({
  step,
  request,
  lastResult,
  assignees,
}: {
  step: ToolkitStep;
  request: ToolkitRequestFieldsFragment;
  lastResult: SubmissionResult<string[]> | undefined;
  assignees: Assignees;
}) {
  const t = useT();
  const lang = useLanguage();
  const navigation = useNavigation();
  const [form, fields] = useAppForm(MoveToolkitRequestForm, {
    id: `move-${step}`,
    lastResult,
    defaultValue: { assigneeOrganizationId: request.assigneeOrganizationId ?? '', assigneeId: request.assigneeId ?? '' },
  });
  return (
    <Stack gap="xs" id={step}>
      {step === 'assign' && assignees ? (
        // A plain GET form: the search works without JavaScript and keeps the page's address.
        <Form method="get" preventScrollReset>
          <Group align="flex-end" gap="xs">
            <TextInput
              name="assignSearch"
              label={t('toolkit.assign.search')}
              placeholder={t('toolkit.assign.search.placeholder')}
              defaultValue={assignees.search}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="assign-search"
            />
            <Button type="submit" variant="default" data-testid="assign-search-submit">
              {t('toolkit.assign.search.submit')}
            </Button>
          </Group>
        </Form>
      ) : null}
      <ActionForm {...getFormProps(form)} data-testid={`form-${step}`}>
        <input type="hidden" name="id" value={request.id} />
        <input type="hidden" name="version" value={request.version} />
        <input type="hidden" name="step" value={step} />
        <Stack gap="xs">
          <FormAlert form={form} />
          {step === 'assign' && assignees ? (
            <>
              <SelectField
                field={fields.assigneeOrganizationId}
                label={t('toolkit.assign.organization')}
                data={[
                  { value: '', label: t('toolkit.assign.none') },
                  ...assignees.organizations.map((o) => ({
                    value: o.id,
                    label: `${organizationName(lang, o)} (${[o.city, o.provinceCode].filter(Boolean).join(', ')})`,
                  })),
                ]}
                data-testid="assign-organization"
              />
              <SelectField
                field={fields.assigneeId}
                label={t('toolkit.assign.coordinator')}
                data={[
                  { value: '', label: t('toolkit.assign.none') },
                  ...assignees.owners.filter((o) => o.role === 'COORDINATOR' || o.role === 'STAFF').map((o) => ({ value: o.id, label: o.name })),
                ]}
                data-testid="assign-coordinator"
              />
            </>
          ) : null}
          {step === 'decline' ? <TextAreaField field={fields.reason} label={t('toolkit.decline.reason')} minRows={2} data-testid="decline-reason" /> : null}
          <Group>
            <Button
              type="submit"
              color={step === 'decline' ? 'red' : undefined}
              variant={step === 'decline' ? 'outline' : 'filled'}
              loading={navigation.state === 'submitting' && navigation.formData?.get('step') === step}
              data-testid={`step-${step}`}
            >
              {t(toolkitStepKey(step))}
            </Button>
          </Group>
        </Stack>
      </ActionForm>
    </Stack>
  );
}
