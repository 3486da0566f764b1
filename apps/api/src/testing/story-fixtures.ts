import { ApiHarness, type DemoRole } from './api-harness';
import { ok } from './records-fixtures';

// Stories through the API, as a given role, for the stories integration tests.

export const storyFields = `id campaignId kind language title text provinceCode organizationId storytellerName storytellerPersonId ownerId createdById
  consentLevel consentDate consentMethod consentNote status publishedAt withdrawn withdrawnAt erasedAt version`;

export interface CreatedStory {
  id: string;
  version: number;
  status: string;
  [key: string]: unknown;
}

export async function defaultCampaignId(api: ApiHarness): Promise<string> {
  return ok<{ defaultCampaign: { id: string } }>(await api.graphql('{ defaultCampaign { id } }', {}, await api.tokenFor('STAFF'))).defaultCampaign.id;
}

export async function createStory(api: ApiHarness, input: Record<string, unknown>, role: DemoRole = 'STAFF'): Promise<CreatedStory> {
  const result = await api.graphql(
    `mutation($input: CreateStoryInputType!) { createStory(input: $input) { ${storyFields} } }`,
    {
      input: {
        campaignId: await defaultCampaignId(api),
        kind: 'entrepreneurial',
        language: 'en',
        title: 'A bakery on Main Street',
        text: 'She opened a bakery that now employs six people.',
        provinceCode: 'ON',
        consentLevel: 'anonymised_public',
        consentDate: '2026-03-01',
        consentMethod: 'written',
        ...input,
      },
    },
    await api.tokenFor(role),
  );
  return ok<{ createStory: CreatedStory }>(result).createStory;
}

/** Moves a story along the review as STAFF, step by step, to `status`. */
export async function reviewTo(api: ApiHarness, story: CreatedStory, status: 'approved' | 'published'): Promise<CreatedStory> {
  const steps = status === 'approved' ? ['approved'] : ['approved', 'published'];
  let current = story;
  for (const step of steps) {
    const result = await api.graphql(
      `mutation($input: ReviewStoryInputType!) { reviewStory(input: $input) { ${storyFields} } }`,
      { input: { id: current.id, version: current.version, status: step } },
      await api.tokenFor('STAFF'),
    );
    current = ok<{ reviewStory: CreatedStory }>(result).reviewStory;
  }
  return current;
}
