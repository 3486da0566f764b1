import { Button, Checkbox, Paper, Stack } from '@mantine/core';
import { useLocation } from '@remix-run/react';
import { useT } from '../utils/i18n';
import { ActionForm } from './action-form';
import type { ListColumn } from './list-table';

/**
 * Which columns a list shows (decision 025): a disclosure with a checkbox per column
 * that can be hidden, saved for the viewer (POST /list-columns) and back to the list.
 * A `<details>`, so it opens and saves without JavaScript.
 */
export function ColumnChooser({ list, columns, hidden }: { list: string; columns: readonly ListColumn[]; hidden: readonly string[] }) {
  const t = useT();
  const { pathname, search } = useLocation();
  return (
    <details className="column-chooser" data-testid="column-chooser">
      <summary>{t('list.columns')}</summary>
      <Paper withBorder shadow="sm" p="sm" className="column-chooser-panel">
        <ActionForm action="/list-columns" reloadDocument>
          <input type="hidden" name="list" value={list} />
          <input type="hidden" name="redirectTo" value={`${pathname}${search}`} />
          <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
            <legend className="column-chooser-legend">{t('list.columns.legend')}</legend>
            <Stack gap={6} mt="xs">
              {columns
                .filter((column) => !column.fixed)
                .map((column) => (
                  <Checkbox
                    key={column.key}
                    name="show"
                    value={column.key}
                    label={column.label}
                    defaultChecked={!hidden.includes(column.key)}
                    data-testid={`column-${column.key}`}
                  />
                ))}
            </Stack>
          </fieldset>
          <Button type="submit" size="xs" mt="sm" data-testid="save-columns">
            {t('list.columns.save')}
          </Button>
        </ActionForm>
      </Paper>
    </details>
  );
}
