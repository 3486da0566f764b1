import { getFormProps } from "@conform-to/react";
import { translate } from "@crm/i18n";
import {
  OrganizationDocument,
  UpdateOrganizationDocument,
} from "@crm/staff-graphql";
import { Anchor, Button, Card, Group, Stack } from "@mantine/core";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { ActionForm } from "../components/action-form";
import { FormAlert } from "../components/form-fields";
import { PageHeader } from "../components/page-header";
import { OrganizationFormFields } from "../components/records/organization-form-fields";
import { assertCsrf } from "../utils/csrf.server";
import { replyWithApiError } from "../utils/form-errors.server";
import { parseForm } from "../utils/forms";
import { ApiError, gql } from "../utils/graphql.server";
import { useLanguage, useT } from "../utils/i18n";
import { languageFromMatches } from "../utils/meta";
import { organizationName } from "../utils/records";
import { ownerOptions } from "../utils/owners.server";
import {
  completeUpdate,
  lockedOrganizationFields,
  OrganizationForm,
  organizationFormFields,
  organizationTextFields,
  ownerTextFields,
  withoutLocked,
} from "../utils/records-forms";
import { abilityFor } from "../utils/viewer";
import { orNotFound } from "../utils/records.server";
import { requireUserWithPermission } from "../utils/session.server";
import { useAppForm } from "../utils/use-app-form";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = languageFromMatches(matches);
  return [
    {
      title: translate(lang, "app.pageTitle", {
        page: data
          ? organizationName(lang, data.organization)
          : translate(lang, "organizations.title"),
      }),
    },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUserWithPermission(
    request,
    "update",
    "Organization"
  );
  const [data, owners] = await Promise.all([
    orNotFound(() =>
      gql(OrganizationDocument, { id: params.id ?? "" }, { request })
    ),
    ownerOptions(request, viewer),
  ]);
  return {
    ...data,
    owners,
    locked: lockedOrganizationFields(abilityFor(viewer), data.organization),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  await assertCsrf(request, formData);
  const viewer = await requireUserWithPermission(
    request,
    "update",
    "Organization"
  );
  const submission = parseForm(formData, OrganizationForm);
  if (submission.status !== "success")
    return { conflict: false, result: submission.reply() };
  const id = params.id ?? submission.value.id;
  const complete = completeUpdate(
    { ...submission.value, id },
    { text: ownerTextFields(formData, organizationTextFields), lists: ["tags"] }
  );
  const input = withoutLocked(
    complete,
    lockedOrganizationFields(abilityFor(viewer), { id })
  );
  try {
    await gql(UpdateOrganizationDocument, { input }, { request });
  } catch (error) {
    const result = replyWithApiError(submission, error, {
      fields: organizationFormFields,
      messages: { CONFLICT: "records.conflict" },
    });
    return {
      conflict: error instanceof ApiError && error.code === "CONFLICT",
      result,
    };
  }
  throw redirect(`/organizations/${params.id}?saved=1`);
}

export default function EditOrganization() {
  const t = useT();
  const lang = useLanguage();
  const { organization, provinces, tags, owners, locked } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const name = organizationName(lang, organization);
  const [form, fields] = useAppForm(OrganizationForm, {
    id: `edit-organization-${organization.id}-${organization.version}`,
    lastResult: answer?.result,
    defaultValue: {
      nameEn: organization.nameEn,
      nameFr: organization.nameFr,
      kind: organization.kind,
      membership: organization.membership,
      membershipSince: organization.membershipSince ?? "",
      provinceCode: organization.provinceCode,
      city: organization.city ?? "",
      postalCode: organization.postalCode ?? "",
      email: organization.email ?? "",
      phone: organization.phone ?? "",
      website: organization.website ?? "",
      tags: organization.tags,
      notes: organization.notes ?? "",
      ownerId: organization.ownerId ?? "",
    },
  });

  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        above={
          <Anchor
            component={Link}
            to={`/organizations/${organization.id}`}
            size="sm"
          >
            ← {name}
          </Anchor>
        }
        title={t("organization.edit.title", { name })}
      />
      <Card withBorder padding="lg">
        <ActionForm {...getFormProps(form)} data-testid="organization-form">
          <input type="hidden" name={fields.id.name} value={organization.id} />
          <input
            type="hidden"
            name={fields.version.name}
            value={organization.version}
          />
          <Stack gap="md">
            <FormAlert form={form} />
            {answer?.conflict ? (
              <Group>
                <Button
                  component="a"
                  href=""
                  variant="light"
                  size="xs"
                  data-testid="reload"
                >
                  {t("records.reload")}
                </Button>
              </Group>
            ) : null}
            <OrganizationFormFields
              fields={fields}
              provinces={provinces}
              tags={tags}
              owners={
                owners
                  ? { options: owners, currentOwnerId: organization.ownerId }
                  : null
              }
              locked={new Set(locked)}
            />
            <Group justify="flex-end">
              <Button
                component={Link}
                to={`/organizations/${organization.id}`}
                variant="subtle"
              >
                {t("form.cancel")}
              </Button>
              <Button
                type="submit"
                loading={navigation.state === "submitting"}
                data-testid="save-organization"
              >
                {t("records.save")}
              </Button>
            </Group>
          </Stack>
        </ActionForm>
      </Card>
    </Stack>
  );
}
