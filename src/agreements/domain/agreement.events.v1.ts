/**
 * Frozen payloads as the first release stored them (parties without a signatory
 * set, signatures without a role). Never edit: tests fold these through the
 * current code to prove old streams stay readable.
 */
export const AGREEMENT_DRAFTED_V1 = {
  type: 'AgreementDrafted',
  data: {
    agreementId: 'so-habo-sodra-vatterbygden-2016',
    title: 'Samverkansöverenskommelse mellan Habo kommun och Lokalpolisområde Södra Vätterbygden',
    parties: [
      { organisationId: 'lpo-sodra-vatterbygden', kind: 'LocalPoliceArea', name: 'Lokalpolisområde Södra Vätterbygden' },
      { organisationId: 'habo-kommun', kind: 'Municipality', name: 'Habo kommun' },
    ],
    validFrom: '2016-01-01',
    validTo: null,
  },
} as const;

export const AGREEMENT_SIGNED_V1 = {
  type: 'AgreementSigned',
  data: {
    agreementId: 'so-habo-sodra-vatterbygden-2016',
    partyOrganisationId: 'lpo-sodra-vatterbygden',
    signatory: { name: 'Fredrik Lindfors', title: 'Södra Vätterbygden Chef Lokalpolisområde' },
    signedOn: '2015-12-15',
    place: 'Habo',
  },
} as const;
