import { RecordVersionInput, ReviewStoryInput } from '@crm/contracts';
import { formatDateTime, localizedName, type PlainMessageKey } from '@crm/i18n';
import { EraseStoryDocument, ReviewStoryDocument, StoryDocument, WithdrawStoryConsentDocument } from '@crm/staff-graphql';
import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink } from '../components/back-link';
import { DateTime } from '../components/date-time';
import { PageHeader } from '../components/page-header';
import { DetailsCard, Fact, LongFact, RecordOutcome, RecordWithTimeline } from '../components/records/record-page';
import { StoryActions } from '../components/stories/story-actions';
import { ConsentBadge, StoryStatusBadge, WithdrawnBadge } from '../components/stories/story-badges';
import { assertCsrf } from '../utils/csrf.server';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { recordPageTitle } from '../utils/meta';
import { organizationName, ownerLabel } from '../utils/records';
import { recordErrorKey, withOwners, withTimelinePage } from '../utils/records.server';
import { useViewer } from '../utils/root-data';
import { safeRedirect } from '../utils/safe-redirect';
import { requireUserWithPermission } from '../utils/session.server';
import { consentMethodKey, storyKindKey } from '../utils/stories';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  recordPageTitle(matches, 'stories.title', data ? () => data.story.title ?? data.story.id : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(request, 'read', 'Story');
  return withOwners(
    request,
    viewer,
    withTimelinePage(request, (timelineAfter) => gql(StoryDocument, { id: params.id ?? '', timelineAfter }, { request })),
  );
}

// The review's steps, withdrawal and erasure, at the version read with the page. After a
// withdrawal or erasure most readers may no longer see the story: back to the list, which says so.
export async function action({ request, params }: ActionFunctionArgs): Promise<{ error: PlainMessageKey | null }> {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  await requireUserWithPermission(request, 'read', 'Story');
  const intent = formData.get('intent');
  const target = RecordVersionInput.safeParse({ id: params.id, version: Number(formData.get('version')) });
  if (!target.success) return { error: 'problem.invalid' as PlainMessageKey };
  try {
    if (intent === 'review') {
      const input = ReviewStoryInput.safeParse({ ...target.data, status: formData.get('status') });
      if (!input.success) return { error: 'problem.invalid' as PlainMessageKey };
      await gql(ReviewStoryDocument, { input: input.data }, { request });
      return { error: null };
    }
    if (intent === 'withdraw') await gql(WithdrawStoryConsentDocument, { input: target.data }, { request });
    else if (intent === 'erase') await gql(EraseStoryDocument, { input: target.data }, { request });
    else return { error: 'problem.invalid' as PlainMessageKey };
  } catch (error) {
    return { error: recordErrorKey(error) };
  }
  throw safeRedirect(`/stories?done=${intent}`);
}

export default function StoryPage() {
  const t = useT();
  const lang = useLanguage();
  const viewer = useViewer();
  const { story, campaigns, provinces, timeline, timelineAfter, owners } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const title = story.title ?? t('story.erased.title');
  const province = provinces.find((entry) => entry.code === story.provinceCode);
  const campaign = campaigns.find((entry) => entry.id === story.campaignId);

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        above={<BackLink to="/stories">{t('stories.back')}</BackLink>}
        title={
          <Group gap="sm" component="span">
            <span data-testid="story-title" lang={story.language}>
              {title}
            </span>
            <StoryStatusBadge status={story.status} />
            {story.withdrawn ? <WithdrawnBadge erased={Boolean(story.erasedAt)} /> : null}
          </Group>
        }
        description={[t(storyKindKey(story.kind)), province ? localizedName(lang, province) : story.provinceCode].join(' · ')}
        actions={<StoryActions story={story} />}
      />

      <RecordOutcome answer={answer} />
      {story.withdrawnAt ? (
        <Alert color="red" variant="light" data-testid="story-withdrawn-banner">
          {story.erasedAt
            ? t('story.erased.banner', { date: formatDateTime(lang, story.erasedAt) })
            : t('story.withdrawn.banner', { date: formatDateTime(lang, story.withdrawnAt) })}
        </Alert>
      ) : null}

      <RecordWithTimeline timeline={timeline} timelineAfter={timelineAfter}>
        <Card withBorder padding="lg" component="section" aria-labelledby="story-text-title">
          <Title order={2} size="h4" id="story-text-title" mb="md">
            {t('story.text')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={story.language} data-testid="story-text">
            {story.text ?? '—'}
          </Text>
        </Card>
        <DetailsCard below={story.consentNote ? <LongFact label={t('story.consentNote')}>{story.consentNote}</LongFact> : null}>
          <Fact label={t('story.storyteller')}>
            <Text size="sm" data-testid="storyteller">
              {story.storytellerName ??
                t(story.storytellerPersonId || story.consentLevel === 'named_public' ? 'story.storyteller.hidden' : 'story.storyteller.anonymous')}
            </Text>
          </Fact>
          <Fact label={t('story.ownerId')}>
            <Text size="sm">{ownerLabel(t, story.ownerId, viewer?.id, owners)}</Text>
          </Fact>
          <Fact label={t('story.consentLevel')}>
            <ConsentBadge level={story.consentLevel} />
          </Fact>
          <Fact label={t('story.consentDate')}>
            <Text size="sm">
              {story.consentDate} · {t(consentMethodKey(story.consentMethod))}
            </Text>
          </Fact>
          <Fact label={t('story.language')}>
            <Text size="sm">{t(story.language === 'fr' ? 'languageName.fr' : 'languageName.en')}</Text>
          </Fact>
          <Fact label={t('story.campaignId')}>
            <Text size="sm">{campaign ? organizationName(lang, campaign) : '—'}</Text>
          </Fact>
          <Fact label={t('story.publishedAt')}>
            <Text size="sm">{story.publishedAt ? <DateTime value={story.publishedAt} /> : '—'}</Text>
          </Fact>
          <Fact label={t('records.updated')}>
            <Text size="sm">
              <DateTime value={story.updatedAt} />
            </Text>
          </Fact>
        </DetailsCard>
      </RecordWithTimeline>
    </Stack>
  );
}
