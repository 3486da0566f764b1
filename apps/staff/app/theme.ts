import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

// WCAG 2.2 AA contrast (4.5:1 for text) with Mantine's palette: filled colours at
// shade 8 (white on indigo.6 was 4.32:1), black text wherever white would fall short
// (luminance 0.18 is where black and white give the same contrast), and the text of
// light, subtle and outline variants darker than Mantine's shade 6 (a light teal badge
// was 2.4:1).

const tinted = new Set(['light', 'subtle', 'outline', 'transparent']);

const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return colors;
  // Black text on a filled button (teal, green, red at shade 8): Mantine darkens it on hover,
  // which drops black text under 4.5:1 (teal.9 is 4.2:1) — lighten it instead.
  if (input.variant === 'filled' && colors.color === 'var(--mantine-color-black)' && parsed.shade === undefined) {
    return { ...colors, hover: input.theme.colors[parsed.color][7] };
  }
  if (!input.variant || !tinted.has(input.variant)) return colors;
  const text = darken(input.theme.colors[parsed.color][9], 0.3);
  return { ...colors, color: text, hoverColor: text, border: input.variant === 'outline' ? `1px solid ${text}` : colors.border };
};

// Helper and secondary text ("dimmed"): gray.7, not gray.6 (3.3:1 on white); an error
// beside a field: red.9, not red.6 (3.3:1); a note that asks for attention without being an
// error (a warning, what a merge does with a field): orange.9 darkened like the tinted
// variants' text (orange.9 itself is 4.3:1 on white, 3.9:1 on yellow.0), `c="var(--crm-color-note)"`.
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-error': theme.colors.red[9],
    '--crm-color-note': darken(theme.colors.orange[9], 0.3),
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.18,
  variantColorResolver,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});
