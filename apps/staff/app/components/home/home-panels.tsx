import type { HomeOrganizationFragment, HomePersonFragment, HomeQuery } from '@crm/staff-graphql';
import { EmailLink, PhoneLink } from '../contact-links';
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { formatCount, useLanguage, useT } from '../../utils/i18n';
import { kindKey, membershipKey, organizationName, personName, stageKey } from '../../utils/records';
import { DateTime } from '../date-time';
import { StageBadge } from '../records/record-badges';

// The panels each role's home is made of (routes/_index.tsx chooses them).

export function Panel({ title, testId, footer, children }: { title: ReactNode; testId: string; footer?: ReactNode; children: ReactNode }) {
  const id = `${testId}-title`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
      {footer ? <Group mt="sm">{footer}</Group> : null}
    </Card>
  );
}

/** Coalition-wide counts: numbers only (funders, national staff). */
export function FiguresPanel({ figures }: { figures: NonNullable<HomeQuery['coalitionFigures']> }) {
  const t = useT();
  const lang = useLanguage();
  const figure = (label: string, value: number, testId: string) => (
    <Stack gap={0} data-testid={testId} data-count={value}>
      <Text fz={28} fw={700} lh={1.2}>
        {formatCount(lang, value)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
  return (
    <Panel title={t('home.figures.title')} testId="home-figures">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          {figure(t('home.figures.organizations'), figures.organizations, 'figure-organizations')}
          {figure(t('home.figures.members'), figures.memberOrganizations, 'figure-members')}
          {figure(t('home.figures.people'), figures.people, 'figure-people')}
        </SimpleGrid>
        <Table verticalSpacing={4} aria-label={t('home.figures.byStage')} data-testid="figure-stages">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('home.figures.byStage')}</Table.Caption>
          <Table.Tbody>
            {figures.peopleByStage.map((entry) => (
              <Table.Tr key={entry.stage}>
                <Table.Th scope="row" fw={400}>
                  {t(stageKey(entry.stage))}
                </Table.Th>
                <Table.Td ta="right" data-stage={entry.stage}>
                  {entry.count === null ? t('home.figures.hidden') : formatCount(lang, entry.count)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('home.figures.note')}
        </Text>
      </Stack>
    </Panel>
  );
}

/** A short list of people (most recently changed first) with a link to the whole list. */
export function PeoplePanel({
  title,
  testId,
  people,
  empty,
  all,
}: {
  title: string;
  testId: string;
  people: readonly HomePersonFragment[];
  empty: string;
  all?: { to: string; label: string };
}) {
  return (
    <Panel
      title={title}
      testId={testId}
      footer={
        all ? (
          <Anchor component={Link} to={all.to} size="sm" fw={600}>
            {all.label}
          </Anchor>
        ) : null
      }
    >
      {people.length ? (
        <Stack gap="xs">
          {people.map((person) => (
            <Group key={person.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="home-person">
              <Stack gap={0} miw={0}>
                <Anchor component={Link} to={`/people/${person.id}`} fw={600} size="sm" truncate>
                  {personName(person)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[person.city, person.provinceCode].filter(Boolean).join(' · ')} · <DateTime value={person.updatedAt} />
                </Text>
              </Stack>
              <StageBadge stage={person.engagementStage} />
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Panel>
  );
}

export function OrganizationsPanel({
  title,
  testId,
  organizations,
  all,
}: {
  title: string;
  testId: string;
  organizations: readonly HomeOrganizationFragment[];
  all?: { to: string; label: string };
}) {
  const t = useT();
  const lang = useLanguage();
  return (
    <Panel
      title={title}
      testId={testId}
      footer={
        all ? (
          <Anchor component={Link} to={all.to} size="sm" fw={600}>
            {all.label}
          </Anchor>
        ) : null
      }
    >
      {organizations.length ? (
        <Stack gap="xs">
          {organizations.map((organization) => (
            <Stack key={organization.id} gap={0} data-testid="home-organization">
              <Anchor component={Link} to={`/organizations/${organization.id}`} fw={600} size="sm">
                {organizationName(lang, organization)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[t(kindKey(organization.kind)), organization.city, organization.provinceCode].filter(Boolean).join(' · ')} ·{' '}
                <DateTime value={organization.updatedAt} />
              </Text>
            </Stack>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('home.recent.empty')}
        </Text>
      )}
    </Panel>
  );
}

/** A member contact's organization: who they are to the coalition and how it reaches them. */
export function OwnOrganizationPanel({ organization, canEdit }: { organization: NonNullable<HomeQuery['ownOrganization']>; canEdit: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const line = (label: string, value: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" miw={110}>
        {label}
      </Text>
      {/* A long address or e-mail wraps rather than widening the page on a phone. */}
      <Text size="sm" component="div" miw={0} style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </Group>
  );
  return (
    <Panel
      title={t('home.member.title')}
      testId="home-own-organization"
      footer={
        canEdit ? (
          <Anchor component={Link} to={`/organizations/${organization.id}/edit`} size="sm" fw={600} data-testid="home-edit-organization">
            {t('home.member.edit')}
          </Anchor>
        ) : null
      }
    >
      <Stack gap="xs">
        <Anchor component={Link} to={`/organizations/${organization.id}`} fw={700} data-testid="home-organization-name">
          {organizationName(lang, organization)}
        </Anchor>
        <Text size="sm" c="dimmed">
          {[t(kindKey(organization.kind)), t(membershipKey(organization.membership)), organization.city, organization.provinceCode].filter(Boolean).join(' · ')}
        </Text>
        <Title order={3} size="h6" mt="xs">
          {t('home.member.contact')}
        </Title>
        {line(t('organization.email'), organization.email ? <EmailLink email={organization.email} /> : null)}
        {line(t('organization.phone'), organization.phone ? <PhoneLink phone={organization.phone} /> : null)}
        {line(
          t('organization.website'),
          organization.website ? (
            <Anchor href={organization.website} target="_blank" rel="noreferrer">
              {organization.website}
            </Anchor>
          ) : null,
        )}
      </Stack>
    </Panel>
  );
}
