import type { MessageKey } from './en';

// Typed against the English keys: a missing or extra French string is a type
// error. French typography: no-break space (\u00a0) inside « » and before : ; ? !
export const fr: Record<MessageKey, string> = {
  'app.name': 'CRM de la coalition',
  'app.pageTitle': '{page} · CRM de la coalition',

  'nav.main': 'Navigation principale',
  'nav.toggle': 'Afficher ou masquer la navigation',
  'nav.dashboard': 'Tableau de bord',

  'language.switch': 'Langue',
  'language.en': 'English',
  'language.fr': 'Français',
  'language.en.short': 'EN',
  'language.fr.short': 'FR',

  'dashboard.title': 'Tableau de bord',

  'campaign.default': 'Campagne par défaut',
  'campaign.dates.range': 'Du {start} au {end}',
  'campaign.dates.from': 'À partir du {start}',
  'campaign.dates.until': 'Jusqu’au {end}',
  'campaign.policyAsks': 'Revendications politiques',
  'campaign.policyAsks.empty': 'Aucune revendication n’a encore été définie pour cette campagne.',
  'campaign.unavailable': 'Impossible de charger la campagne.',
  'campaign.unavailable.unreachable': 'L’API est injoignable pour le moment. La campagne s’affichera ici dès son retour.',

  'health.title': 'État de l’API',
  'health.status.ok': 'Tous les services fonctionnent',
  'health.status.error': 'Certains services sont en panne',
  'health.unreachable': 'L’API est injoignable. L’enregistrement et le chargement des données ne fonctionneront pas avant son retour.',
  'health.component.database': 'Base de données',
  'health.component.redis': 'File de tâches (Redis)',
  'health.component.unknown': 'Composant «\u00a0{name}\u00a0»',
  'health.up': 'En service',
  'health.down': 'Hors service',

  'error.title': 'Une erreur est survenue',
  'error.body': 'Une erreur inattendue a empêché le chargement de cette page. Veuillez réessayer. Si le problème persiste, prévenez le bureau national.',
  'error.status': 'Erreur {status}',
  'error.home': 'Retour au tableau de bord',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'La page demandée n’existe pas ou a été déplacée.',

  'mail.greeting': 'Bonjour {name},',
  'mail.signature': 'Le bureau national',
  'mail.ignore': 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer.',
  'mail.invitation.subject': 'Votre compte Coalition CRM',
  'mail.invitation.body': '{inviter} vous invite à rejoindre le Coalition CRM, où la coalition coordonne la campagne « {campaign} ». Choisissez votre mot de passe avec le lien ci-dessous. Le lien ne fonctionne qu’une fois et expire dans {hours} heures.',
  'mail.invitation.action': 'Choisir mon mot de passe',
  'mail.passwordReset.subject': 'Réinitialiser votre mot de passe Coalition CRM',
  'mail.passwordReset.body': 'Quelqu’un (vous, espérons-le) a demandé la réinitialisation du mot de passe de votre compte Coalition CRM. Utilisez le lien ci-dessous pour en choisir un nouveau. Le lien ne fonctionne qu’une fois et expire dans {minutes} minutes.',
  'mail.passwordReset.action': 'Choisir un nouveau mot de passe',
};
