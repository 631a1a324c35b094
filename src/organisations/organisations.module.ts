import { Module } from '@nestjs/common';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationQueries } from './read-models/organisations.queries';
import { RegisterMunicipalityHandler } from './commands/register-municipality/register-municipality.handler';
import { RegisterLocalPoliceAreaHandler } from './commands/register-local-police-area/register-local-police-area.handler';
import { RegisterPoliceRegionHandler } from './commands/register-police-region/register-police-region.handler';
import { RegisterPoliceDistrictHandler } from './commands/register-police-district/register-police-district.handler';
import { RegisterCityDistrictHandler } from './commands/register-city-district/register-city-district.handler';
import { AppointPersonHandler, RemovePersonHandler } from './commands/appoint-person/appoint-person.handler';
import { RecordServedMunicipalitiesHandler } from './commands/record-served-municipalities/record-served-municipalities.handler';

@Module({
  providers: [
    OrganisationsResolver,
    OrganisationQueries,
    RegisterMunicipalityHandler,
    RegisterLocalPoliceAreaHandler,
    RegisterPoliceRegionHandler,
    RegisterPoliceDistrictHandler,
    RegisterCityDistrictHandler,
    AppointPersonHandler,
    RemovePersonHandler,
    RecordServedMunicipalitiesHandler,
  ],
  exports: [OrganisationQueries],
})
export class OrganisationsModule {}
