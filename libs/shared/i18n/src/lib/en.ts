// The English catalogue is the reference: its keys define `MessageKey`, and its
// `{placeholders}` define the parameters `translate` asks for.
export const en = {
  'app.name': 'Coalition CRM',
  'app.pageTitle': '{page} · Coalition CRM',

  'nav.main': 'Main navigation',
  'nav.toggle': 'Show or hide the navigation',
  'nav.dashboard': 'Dashboard',

  'language.switch': 'Language',
  'language.en': 'English',
  'language.fr': 'Français',
  'language.en.short': 'EN',
  'language.fr.short': 'FR',

  'dashboard.title': 'Dashboard',

  'campaign.default': 'Default campaign',
  'campaign.dates.range': 'From {start} to {end}',
  'campaign.dates.from': 'Starting {start}',
  'campaign.dates.until': 'Until {end}',
  'campaign.policyAsks': 'Policy asks',
  'campaign.policyAsks.empty': 'No policy asks have been set for this campaign yet.',
  'campaign.unavailable': 'The campaign could not be loaded.',
  'campaign.unavailable.unreachable': 'The API cannot be reached right now. The campaign will show here as soon as it is back.',

  'health.title': 'API health',
  'health.status.ok': 'All services are running',
  'health.status.error': 'Some services are down',
  'health.unreachable': 'The API cannot be reached. Saving and loading data will not work until it is back.',
  'health.component.database': 'Database',
  'health.component.redis': 'Job queue (Redis)',
  'health.component.unknown': 'Component “{name}”',
  'health.up': 'Up',
  'health.down': 'Down',

  'error.title': 'Something went wrong',
  'error.body': 'An unexpected error stopped this page from loading. Please try again. If it keeps happening, tell the national office.',
  'error.status': 'Error {status}',
  'error.home': 'Back to the dashboard',

  'notFound.title': 'Page not found',
  'notFound.body': 'The page you asked for does not exist or has moved.',

  'mail.greeting': 'Hello {name},',
  'mail.signature': 'The national office',
  'mail.ignore': 'If you did not expect this message, you can ignore it.',
  'mail.invitation.subject': 'Your Coalition CRM account',
  'mail.invitation.body': '{inviter} has invited you to the Coalition CRM, where the coalition coordinates the campaign “{campaign}”. Choose your password with the link below. The link works once and expires in {hours} hours.',
  'mail.invitation.action': 'Choose my password',
  'mail.passwordReset.subject': 'Reset your Coalition CRM password',
  'mail.passwordReset.body': 'Someone (hopefully you) asked to reset the password of your Coalition CRM account. Use the link below to choose a new one. The link works once and expires in {minutes} minutes.',
  'mail.passwordReset.action': 'Choose a new password',
} as const;

export type MessageKey = keyof typeof en;
