// Events, RSVPs, check-in and pledges (issue 12): their own file so merges stay easy.
export const eventsEn = {
  'problem.timeZone': 'Choose a time zone from the list.',
  'problem.endBeforeStart': 'The end must come after the start.',
  'problem.transitionNotAllowed': 'This change of status is not allowed from here; allowed: {allowed}.',
  'problem.campaignUnknown': 'This campaign does not exist.',
  'problem.personUnknown': 'This person does not exist or is not yours to see.',
  'problem.eventUnknown': 'This event does not exist or is not yours to see.',
  'problem.eventClosed': 'This event is cancelled: its list can no longer change.',
  'problem.pledgerOne': 'Name either a person or an organization.',
  'problem.policyAskRequired': 'Choose the policy ask the MP is to be contacted about.',
  'problem.policyAskOnlyMp': 'Only a pledge to contact an MP names a policy ask.',
  'problem.policyAskUnknown': 'This policy ask is not one of the campaign’s.',
} as const;

export const eventsFr: Record<keyof typeof eventsEn, string> = {
  'problem.timeZone': 'Choisissez un fuseau horaire dans la liste.',
  'problem.endBeforeStart': 'La fin doit venir après le début.',
  'problem.transitionNotAllowed': 'Ce changement de statut n’est pas permis d’ici\u00a0; permis\u00a0: {allowed}.',
  'problem.campaignUnknown': 'Cette campagne n’existe pas.',
  'problem.personUnknown': 'Cette personne n’existe pas ou ne vous est pas visible.',
  'problem.eventUnknown': 'Cet événement n’existe pas ou ne vous est pas visible.',
  'problem.eventClosed': 'Cet événement est annulé\u00a0: sa liste ne peut plus changer.',
  'problem.pledgerOne': 'Nommez soit une personne, soit un organisme.',
  'problem.policyAskRequired': 'Choisissez la demande politique dont il faut parler au député.',
  'problem.policyAskOnlyMp': 'Seul un engagement à contacter un député nomme une demande politique.',
  'problem.policyAskUnknown': 'Cette demande politique n’est pas celle de la campagne.',
};
