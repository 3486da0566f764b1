import type { OwnerOptionFieldsFragment } from '@crm/staff-graphql';
import { SelectField } from '../form-fields';
import { showsOwnerField } from '../../utils/records-forms';
import { useT } from '../../utils/i18n';
import type { ComponentProps } from 'react';

type OwnerFieldProps = {
  field: ComponentProps<typeof SelectField>['field'];
  /** Whom the user may choose (the API's assignableOwners). */
  owners: readonly OwnerOptionFieldsFragment[];
  /** The record's owner now: kept as a choice even when the user could not pick them. */
  currentOwnerId?: string | null;
  /** What the owner is called on this record (a story's: "Gathered by"). */
  label?: string;
};

/** The owner select of the person and organization forms (a native select: works before JavaScript). */
export function OwnerField({ field, owners, currentOwnerId, label }: OwnerFieldProps) {
  const t = useT();
  const data = [
    { value: '', label: t('records.owner.none') },
    ...owners.map((owner) => ({ value: owner.id, label: `${owner.name} (${t(`role.${owner.role}`)})` })),
  ];
  if (currentOwnerId && !owners.some((owner) => owner.id === currentOwnerId)) data.push({ value: currentOwnerId, label: t('records.owner.other') });
  return (
    <>
      <input type="hidden" name={showsOwnerField} value="1" form={field.formId} />
      <SelectField field={field} label={label ?? t('records.owner')} data={data} data-testid="ownerId" />
    </>
  );
}
