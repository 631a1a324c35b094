import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../shared/graphql/connection';
import { Organisation } from './organisation.type';

@ObjectType()
export class OrganisationConnection extends ConnectionType(Organisation, 'Organisation') {}
