/**
 * Test and demo data from the seed document (seed/medborgarlofte-habo-2017.txt),
 * word for word where it gives words. Ids are made up.
 */
import type { DraftPromise } from './promise.commands';
import type { PromiseAdopted, PromiseDrafted, PlannedActivity } from './promise.events';

export const POLICE = 'org-lpo-sodra-vatterbygden';
export const HABO = 'org-habo-kommun';
export const AGREEMENT = 'agreement-habo-2016';
export const PROMISE = 'promise-habo-2016';

export const HABO_TITLE = 'Skapa förutsättningar för en drogfri miljö för barn och ungdomar';

export const HABO_FOCUS_AREAS = [
  'Ungdomskriminalitet med inriktning narkotika, stöld, skadegörelse och buskörning',
  'Brott i nära relation',
  'Bostadsinbrott',
];

export const HABO_RATIONALE =
  'Medborgarnas önskemål, Polisens underrättelsebild och medarbetarnas erfarenheter visade att förebyggande arbete ' +
  'med ungdomar och med inriktning mot droger, är det som överlägset flest anser borde vara prioriterat. Eftersom ' +
  'droganvändning är en inkörsport till annan kriminalitet ger ett proaktivt arbete mot droger effekter i samtliga fokusområden.';

/** The five activities the 2017 document lists; responsibility as the text states it ("Tillsammans" = joint). */
export const HABO_ACTIVITIES: PlannedActivity[] = [
  {
    plannedActivityId: 'pa-hundsok',
    description: 'Polisen kommer utföra hund-sök i skolor i förebyggande syfte för att skapa förutsättningar för en drogfri miljö för barn och ungdomar.',
    responsibleOrganisationIds: [POLICE],
    target: null,
    indicators: [],
  },
  {
    plannedActivityId: 'pa-strategitraffar',
    description: 'Tillsammans kommer vi ha strategiträffar för att tidigt upptäcka tecken på kriminalitet hos ungdomar.',
    responsibleOrganisationIds: [POLICE, HABO],
    target: null,
    indicators: [],
  },
  {
    plannedActivityId: 'pa-sig',
    description: 'Försöka utveckla sociala insatsgrupper i kommunen.',
    responsibleOrganisationIds: [POLICE, HABO],
    target: null,
    indicators: [],
  },
  {
    plannedActivityId: 'pa-omradespolis',
    description: 'Områdespoliserna ska fortsätta sina täta kontakter med skola, fritid, socialtjänst för att tidigt upptäcka tecken på ungdomar som är på väg in i kriminalitet.',
    responsibleOrganisationIds: [POLICE],
    target: null,
    indicators: [],
  },
  {
    plannedActivityId: 'pa-andt',
    description: 'Habo kommuns ska fortsätta sitt aktiva arbete med frågor rörande alkohol, narkotika, droger och tobak (ANDT) och med Habo kommuns drogpolitiska handlingsprogram.',
    responsibleOrganisationIds: [HABO],
    target: null,
    indicators: [],
  },
];

export const HABO_EXTENSION_REASON =
  'Polismyndigheten har tillsammans med Habos kommun valt att förlänga 2016 års medborgarlöften även under 2017. ' +
  'Anledningen till förlängningen är att bägge parterna anser att medborgarlöftena är prioriterade och arbetet kring ' +
  'dem är långsiktigt. Vi har tagit lärdom av arbetet som genomförts 2016 och kommer att fortsätta utveckla det under ' +
  '2017 för att nå ett ännu bättre resultat.';

export const HABO_SIGNATORIES = [
  { name: 'Fredrik Lindfors', title: 'Chef Lokalpolisområde Södra Vätterbygden', organisationId: POLICE },
  { name: 'Gunnar Pettersson', title: 'Ordf. kommunstyrelsen Habo kommun', organisationId: HABO },
];

/** The agreement signed "inför 2016", valid "tills vidare". */
export const draftHabo2016 = (overrides: Partial<DraftPromise['data']> = {}): DraftPromise => ({
  type: 'DraftPromise',
  data: {
    promiseId: PROMISE,
    title: HABO_TITLE,
    agreement: { agreementId: AGREEMENT, status: 'Active', partyIds: [POLICE, HABO], validFrom: '2016-01-01', validTo: null },
    period: { from: '2016-01-01', to: '2016-12-31' },
    rationale: HABO_RATIONALE,
    focusAreas: HABO_FOCUS_AREAS,
    plannedActivities: HABO_ACTIVITIES,
    ...overrides,
  },
});

export const habo2016Drafted: PromiseDrafted = {
  type: 'PromiseDrafted',
  data: {
    promiseId: PROMISE,
    title: HABO_TITLE,
    agreementId: AGREEMENT,
    partyIds: [POLICE, HABO],
    period: { from: '2016-01-01', to: '2016-12-31' },
    rationale: HABO_RATIONALE,
    focusAreas: HABO_FOCUS_AREAS,
    plannedActivities: HABO_ACTIVITIES,
  },
};

export const habo2016Adopted: PromiseAdopted = {
  type: 'PromiseAdopted',
  data: { promiseId: PROMISE, adoptedOn: '2016-12-06', place: 'Habo', signatories: HABO_SIGNATORIES },
};
