import { getFormProps, type FormMetadata } from '@conform-to/react';
import { Button, Card, Group, Stack } from '@mantine/core';
import { Link, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useT } from '../../utils/i18n';
import { ActionForm } from '../action-form';
import { BackLink } from '../back-link';
import { FormAlert } from '../form-fields';
import { PageHeader } from '../page-header';

/**
 * A record's new or edit page: back link and title, the form's message (and
 * "Reload" after a CONFLICT), the fields, then Save and Cancel (back where we came from).
 */
export function RecordFormPage<Schema extends Record<string, unknown>>({
  title,
  back,
  form,
  testId,
  saveTestId,
  conflict = false,
  hidden,
  notice,
  actions,
  maw = 900,
  children,
}: {
  title: string;
  back: { to: string; label: ReactNode };
  form: FormMetadata<Schema, string[]>;
  testId: string;
  saveTestId: string;
  /** The API answered CONFLICT: offer to reload the record. */
  conflict?: boolean;
  /** Hidden inputs (the id and version read with the page). */
  hidden?: ReactNode;
  /** What the user must see before saving (likely duplicates), under the form's message. */
  notice?: ReactNode;
  /** The record's own actions beside the title (archive), outside the form. */
  actions?: ReactNode;
  /** The page's widest (a wide table of fields needs more). */
  maw?: number;
  children: ReactNode;
}) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <Stack gap="lg" maw={maw}>
      <PageHeader above={<BackLink to={back.to}>{back.label}</BackLink>} title={title} actions={actions} />
      <Card withBorder padding="lg">
        <ActionForm {...getFormProps(form)} data-testid={testId}>
          {hidden}
          <Stack gap="md">
            <FormAlert form={form} />
            {notice}
            {conflict ? (
              <Group>
                <Button component="a" href="" variant="light" size="xs" data-testid="reload">
                  {t('records.reload')}
                </Button>
              </Group>
            ) : null}
            {children}
            <Group justify="flex-end">
              <Button type="submit" loading={navigation.state === 'submitting'} data-testid={saveTestId}>
                {t('records.save')}
              </Button>
              <Button component={Link} to={back.to} variant="subtle">
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}
