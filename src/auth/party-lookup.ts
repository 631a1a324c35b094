import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AgreementQueries } from '../agreements/read-models/agreements.queries';
import { PromiseQueries } from '../promises/read-models/promises.queries';
import { PartyLookup } from './policy/result-filters';

/**
 * The parties of promises, for redacting entries that do not carry them. A read
 * model is right here: this decides what a query shows, never what a command may do.
 */
@Injectable()
export class ReadModelPartyLookup implements PartyLookup {
  constructor(private readonly modules: ModuleRef) {}

  async promiseParties(promiseIds: string[]): Promise<Map<string, readonly string[]>> {
    const queries = this.modules.get(PromiseQueries, { strict: false });
    const promises = await Promise.all(promiseIds.map((id) => queries.byId(id)));
    return new Map(promises.filter((p) => p !== null).map((p) => [p.id, p.partyIds]));
  }

  async agreementParties(agreementId: string): Promise<readonly string[] | null> {
    const agreement = await this.modules.get(AgreementQueries, { strict: false }).byId(agreementId);
    return agreement ? agreement.parties.map((p) => p.organisationId) : null;
  }
}
