// Lists for daily use (issue 10): sortable columns, views ("Mine", saved views),
// columns, the phone layout and the Excel export.
// French typography: no-break space (\u00a0) before : ; ? ! and inside « ».
export const listsEn = {
  'export.xlsx': 'Export Excel',
} as const;

export const listsFr: Record<keyof typeof listsEn, string> = {
  'export.xlsx': 'Exporter en Excel',
};
