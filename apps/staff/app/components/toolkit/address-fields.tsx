import { SimpleGrid } from '@mantine/core';
import { hintBelow, SelectField, TextField } from '../form-fields';
import { useT } from '../../utils/i18n';

type Field = Parameters<typeof TextField>[0]['field'];

/** Where a request ships: street, then city, province or territory and Canadian postal code side by side. */
export function ShippingAddressFields({
  fields,
  provinces,
}: {
  fields: { addressLine: Field; city: Field; provinceCode: Field; postalCode: Field };
  provinces: { value: string; label: string }[];
}) {
  const t = useT();
  return (
    <>
      <TextField field={fields.addressLine} label={t('toolkit.form.addressLine')} autoComplete="street-address" data-testid="addressLine" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextField field={fields.city} label={t('toolkit.form.city')} autoComplete="address-level2" data-testid="city" />
        <SelectField
          field={fields.provinceCode}
          label={t('toolkit.form.provinceCode')}
          data={[{ value: '', label: '—' }, ...provinces]}
          data-testid="provinceCode"
        />
        <TextField
          field={fields.postalCode}
          label={t('toolkit.form.postalCode')}
          description={t('toolkit.form.postalCode.help')}
          inputWrapperOrder={hintBelow}
          autoComplete="postal-code"
          data-testid="postalCode"
        />
      </SimpleGrid>
    </>
  );
}
