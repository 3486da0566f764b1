import { PublicStoriesDocument } from '@crm/staff-graphql';
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DateTime } from '../components/date-time';
import { PublicPage } from '../components/public-page';
import { gql } from '../utils/graphql.server';
import { useLanguage, useT } from '../utils/i18n';
import { pageTitle } from '../utils/meta';
import { storyKindKey } from '../utils/stories';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'publicStories.title');

// GET /public/stories (?lang=fr): no sign-in. The API's dedicated public query selects
// only the public fields of published stories in consent; nothing is cached (the root
// answers `no-store`), so a story withdrawn a second ago is not here.
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicStories } = await gql(PublicStoriesDocument, { first: 100 }, { request });
  return { stories: publicStories };
}

export default function PublicStories() {
  const t = useT();
  const lang = useLanguage();
  const { stories } = useLoaderData<typeof loader>();
  return (
    <PublicPage path="/public/stories" languageLabel={t('publicStories.language')}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('publicStories.title')}</Title>
          <Text c="dimmed">{t('publicStories.intro')}</Text>
        </Stack>
        {stories.length === 0 ? (
          <Text data-testid="public-stories-empty">{t('publicStories.empty')}</Text>
        ) : (
          stories.map((story) => (
            <Card
              key={story.id}
              withBorder
              padding="lg"
              component="article"
              aria-labelledby={`story-${story.id}`}
              data-testid="public-story"
              data-id={story.id}
            >
              <Stack gap="sm">
                <Group gap="xs">
                  <Badge variant="light">{t(storyKindKey(story.kind))}</Badge>
                  {story.language !== lang ? (
                    <Badge variant="outline" color="gray">
                      {t('publicStories.storyIn', { language: t(`language.${story.language}`) })}
                    </Badge>
                  ) : null}
                </Group>
                <Title order={2} size="h3" id={`story-${story.id}`} lang={story.language}>
                  {story.title}
                </Title>
                <Text style={{ whiteSpace: 'pre-wrap' }} lang={story.language} data-testid="public-story-text">
                  {story.text}
                </Text>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" c="dimmed" data-testid="public-story-by">
                    {story.storytellerName ? t('publicStories.by', { name: story.storytellerName }) : t('publicStories.anonymous')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    <DateTime value={story.publishedAt} />
                  </Text>
                </Group>
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </PublicPage>
  );
}
