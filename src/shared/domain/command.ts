/**
 * Commands have the same shape as events (a literal `type` and a `data`
 * payload) so one switch style serves both. Commands are imperative
 * (`SignAgreement`), events past tense (`AgreementSigned`).
 */
export interface DomainCommand<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}
