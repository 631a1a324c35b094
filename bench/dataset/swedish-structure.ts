/**
 * A realistic shape for Sweden: 290 municipalities in 21 counties, 95 local
 * police areas in 7 regions, each police area serving about three
 * municipalities. Names are generated; the proportions are real.
 */
const COUNTY_CODES = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];
const REGIONS = ['Nord', 'Mitt', 'Stockholm', 'Öst', 'Väst', 'Bergslagen', 'Syd'];

export interface GeneratedOrganisation {
  id: string;
  name: string;
}

export interface GeneratedMunicipality extends GeneratedOrganisation {
  code: string;
  policeAreaId: string;
}

export interface GeneratedPoliceArea extends GeneratedOrganisation {
  district: string;
  region: string;
}

export function swedishStructure(municipalityCount = 290, policeAreaCount = 95) {
  const policeAreas: GeneratedPoliceArea[] = Array.from({ length: policeAreaCount }, (_, i) => ({
    id: `lpo-${i + 1}`,
    name: `Lokalpolisområde ${i + 1}`,
    district: `Polisområde ${Math.floor(i / 3) + 1}`,
    region: REGIONS[i % REGIONS.length],
  }));
  const municipalities: GeneratedMunicipality[] = Array.from({ length: municipalityCount }, (_, i) => {
    const county = COUNTY_CODES[i % COUNTY_CODES.length];
    const number = String(Math.floor(i / COUNTY_CODES.length) + 10).padStart(2, '0');
    return { id: `kommun-${county}${number}`, name: `Kommun ${county}${number}`, code: `${county}${number}`, policeAreaId: policeAreas[i % policeAreaCount].id };
  });
  return { policeAreas, municipalities };
}
