/** The customer-administration pages' strings (i18next namespace "customerAdmin"); Italian typed against English. */
export const customerAdminEn = {
  invitation: {
    title: 'Partner invitation',
    intro: '{{partner}} asks to become your {{role}}.',
    roleReseller: 'reseller (Cloud Solution Provider)',
    roleAdvisor: 'advisor',
    through: 'It works with the indirect provider {{provider}}.',
    mpn: 'Partner ID (MPN): {{mpn}}',
    explain:
      'Once you accept, {{partner}} can manage your subscriptions and ask you for delegated administration (GDAP); you can remove the relationship later.',
    accept: 'Accept',
    accepted: '{{partner}} is now your partner.',
    already: '{{partner}} is already your partner.',
    missing: 'This link does not name a partner.',
  },
}

export type CustomerAdminCatalog = typeof customerAdminEn

export const customerAdminIt: CustomerAdminCatalog = {
  invitation: {
    title: 'Invito del partner',
    intro: '{{partner}} chiede di diventare il tuo {{role}}.',
    roleReseller: 'rivenditore (Cloud Solution Provider)',
    roleAdvisor: 'consulente',
    through: 'Lavora con il provider indiretto {{provider}}.',
    mpn: 'ID partner (MPN): {{mpn}}',
    explain:
      'Accettando, {{partner}} potrà gestire le tue sottoscrizioni e chiederti l’amministrazione delegata (GDAP); potrai rimuovere la relazione in seguito.',
    accept: 'Accetta',
    accepted: '{{partner}} è ora il tuo partner.',
    already: '{{partner}} è già il tuo partner.',
    missing: 'Questo link non indica un partner.',
  },
}
