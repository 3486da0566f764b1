import { Button } from '@mantine/core';
import { useT } from '../utils/i18n';

/**
 * "Export CSV" and "Export Excel" for a list (decision 026): plain links to the
 * list's export route with its filters, `format=xlsx` for the workbook.
 */
export function ExportButtons({ href, testId }: { href: string; testId: string }) {
  const t = useT();
  const xlsx = `${href}${href.includes('?') ? '&' : '?'}format=xlsx`;
  return (
    <>
      <Button component="a" href={href} variant="default" data-testid={testId} download>
        {t('records.export')}
      </Button>
      <Button component="a" href={xlsx} variant="default" data-testid={`${testId}-xlsx`} download>
        {t('export.xlsx')}
      </Button>
    </>
  );
}
