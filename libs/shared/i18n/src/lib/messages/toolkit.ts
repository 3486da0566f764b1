// Toolkit distribution (issue 13): catalogue, stock, requests, the public form, e-mails.
export const toolkitEn = {
  'problem.honeypot': 'This field must stay empty.',
  'problem.toolkitNotDigital': 'Only a digital file has a download link.',
  'problem.toolkitAssignee': 'Choose one coordinator or one member organization to deliver it.',
  'problem.toolkitStep': 'This request is {status}: it can only be {allowed}.',
  'problem.toolkitItemUnknown': 'This item is not in the catalogue.',
  'problem.toolkitStock': 'Not enough {item} in stock ({onHand} on hand).',

  'mail.toolkit.confirmation.subject': 'We received your toolkit request ({reference})',
  'mail.toolkit.confirmation.body':
    'Thank you for asking for campaign materials. Your request {reference} is in our hands: we will write again when it is on its way.',
  'mail.toolkit.assigned.subject': 'Toolkit request {reference} to deliver',
  'mail.toolkit.assigned.body': 'Toolkit request {reference} has been assigned to you for delivery ({city}, {province}). The items:',
  'mail.toolkit.assigned.action': 'Open the request',
  'mail.toolkit.shipped.subject': 'Your toolkit request {reference} is on its way',
  'mail.toolkit.shipped.body': 'The materials you asked for have been shipped:',
  'mail.toolkit.download': 'Download: {title}',
  'mail.toolkit.line': '{quantity} × {title}',
} as const;

export const toolkitFr: Record<keyof typeof toolkitEn, string> = {
  'problem.honeypot': 'Ce champ doit rester vide.',
  'problem.toolkitNotDigital': 'Seul un fichier numérique a un lien de téléchargement.',
  'problem.toolkitAssignee': 'Choisissez une personne coordonnatrice ou une organisation membre pour la livraison.',
  'problem.toolkitStep': 'Cette demande est à l’étape «\u00a0{status}\u00a0»\u00a0: elle peut seulement être {allowed}.',
  'problem.toolkitItemUnknown': 'Cet article n’est pas dans le catalogue.',
  'problem.toolkitStock': 'Pas assez de «\u00a0{item}\u00a0» en stock ({onHand} disponibles).',

  'mail.toolkit.confirmation.subject': 'Nous avons reçu votre demande de trousse ({reference})',
  'mail.toolkit.confirmation.body':
    'Merci d’avoir demandé du matériel de campagne. Votre demande {reference} est entre nos mains\u00a0: nous vous écrirons de nouveau à l’envoi.',
  'mail.toolkit.assigned.subject': 'Demande de trousse {reference} à livrer',
  'mail.toolkit.assigned.body': 'La demande de trousse {reference} vous a été confiée pour livraison ({city}, {province}). Les articles\u00a0:',
  'mail.toolkit.assigned.action': 'Ouvrir la demande',
  'mail.toolkit.shipped.subject': 'Votre demande de trousse {reference} est en route',
  'mail.toolkit.shipped.body': 'Le matériel demandé a été expédié\u00a0:',
  'mail.toolkit.download': 'Télécharger\u00a0: {title}',
  'mail.toolkit.line': '{quantity} × {title}',
};
