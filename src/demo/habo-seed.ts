/**
 * The first demo data set: Habo kommun and Lokalpolisområde Södra Vätterbygden,
 * from demo/medborgarlofte-habo-2017.txt (a copy of the real document), word
 * for word where the document gives words. Ids are ours; dates the document
 * does not give are marked where they are used.
 */
export const HABO_IDS = {
  police: 'lpo-sodra-vatterbygden',
  municipality: 'habo-kommun',
  agreement: 'so-habo-sodra-vatterbygden-2016',
  promise: 'ml-habo-drogfri-miljo',
} as const;

export const HABO_PROMISE_TITLE = 'Skapa förutsättningar för en drogfri miljö för barn och ungdomar';

export const HABO_FOCUS_AREAS = [
  'Ungdomskriminalitet med inriktning narkotika, stöld, skadegörelse och buskörning',
  'Brott i nära relation',
  'Bostadsinbrott',
];

export const HABO_RATIONALE =
  'Medborgarnas önskemål, Polisens underrättelsebild och medarbetarnas erfarenheter visade att förebyggande arbete ' +
  'med ungdomar och med inriktning mot droger, är det som överlägset flest anser borde vara prioriterat. Eftersom ' +
  'droganvändning är en inkörsport till annan kriminalitet ger ett proaktivt arbete mot droger effekter i samtliga fokusområden.';

/** The five activities the document lists; responsibility as its wording says ("Tillsammans" = joint). */
export const HABO_ACTIVITIES = [
  {
    plannedActivityId: 'hundsok-i-skolor',
    description:
      'Polisen kommer utföra hund-sök i skolor i förebyggande syfte för att skapa förutsättningar för en drogfri miljö för barn och ungdomar.',
    responsibleOrganisationIds: [HABO_IDS.police],
  },
  {
    plannedActivityId: 'strategitraffar',
    description: 'Tillsammans kommer vi ha strategiträffar för att tidigt upptäcka tecken på kriminalitet hos ungdomar.',
    responsibleOrganisationIds: [HABO_IDS.police, HABO_IDS.municipality],
  },
  {
    plannedActivityId: 'sociala-insatsgrupper',
    description: 'Försöka utveckla sociala insatsgrupper i kommunen.',
    responsibleOrganisationIds: [HABO_IDS.police, HABO_IDS.municipality],
  },
  {
    plannedActivityId: 'omradespolis-kontakter',
    description:
      'Områdespoliserna ska fortsätta sina täta kontakter med skola, fritid, socialtjänst för att tidigt upptäcka tecken på ungdomar som är på väg in i kriminalitet.',
    responsibleOrganisationIds: [HABO_IDS.police],
  },
  {
    plannedActivityId: 'andt-arbete',
    description:
      'Habo kommuns ska fortsätta sitt aktiva arbete med frågor rörande alkohol, narkotika, droger och tobak (ANDT) och med Habo kommuns drogpolitiska handlingsprogram.',
    responsibleOrganisationIds: [HABO_IDS.municipality],
  },
];

export const HABO_EXTENSION_REASON =
  'Polismyndigheten har tillsammans med Habos kommun valt att förlänga 2016 års medborgarlöften även under 2017. ' +
  'Anledningen till förlängningen är att bägge parterna anser att medborgarlöftena är prioriterade och arbetet kring ' +
  'dem är långsiktigt. Vi har tagit lärdom av arbetet som genomförts 2016 och kommer att fortsätta utveckla det under ' +
  '2017 för att nå ett ännu bättre resultat.';

export const HABO_SIGNATORIES = {
  police: { name: 'Fredrik Lindfors', title: 'Södra Vätterbygden Chef Lokalpolisområde', organisationId: HABO_IDS.police },
  municipality: { name: 'Gunnar Pettersson', title: 'Ordf. kommunstyrelsen Habo kommun', organisationId: HABO_IDS.municipality },
};

/** Illustrative log entries (the document lists planned work, not what was done). */
export const HABO_LOGGED_ACTIVITIES = [
  { entryId: 'logg-2017-01', date: '2017-02-08', kind: 'StrategyMeeting', responsibleOrganisationId: HABO_IDS.municipality, count: 1, place: 'Habo kommunhus', outcome: 'SSPF-möte: skola, socialtjänst, polis och fritid; två ungdomar uppmärksammade', notes: null, plannedActivityId: 'strategitraffar' },
  { entryId: 'logg-2017-02', date: '2017-03-14', kind: 'DetectionDogSearch', responsibleOrganisationId: HABO_IDS.police, count: 1, place: 'Högstadieskola i Habo', outcome: 'Ett hundsök, ingen narkotika hittades', notes: 'Genomfört i samråd med rektor', plannedActivityId: 'hundsok-i-skolor' },
  { entryId: 'logg-2017-03', date: '2017-04-20', kind: 'SchoolContact', responsibleOrganisationId: HABO_IDS.police, count: 3, place: 'Habo', outcome: 'Områdespoliserna besökte tre skolor', notes: null, plannedActivityId: 'omradespolis-kontakter' },
  { entryId: 'logg-2017-04', date: '2017-05-11', kind: 'ParentMeeting', responsibleOrganisationId: HABO_IDS.municipality, count: 1, place: 'Habo', outcome: 'Föräldramöte om ANDT inför sommarlovet', notes: null, plannedActivityId: 'andt-arbete' },
  { entryId: 'logg-2017-05', date: '2017-09-27', kind: 'DetectionDogSearch', responsibleOrganisationId: HABO_IDS.police, count: 1, place: 'Gymnasieskola i Habo', outcome: 'Ett hundsök, ingen narkotika hittades', notes: null, plannedActivityId: 'hundsok-i-skolor' },
] as const;
