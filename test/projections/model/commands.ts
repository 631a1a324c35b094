import fc from 'fast-check';
import {
  AgreementModel, Caller, currentPlan, currentYear, FIRST_YEAR, FOLLOW_UP_POOL, Model, ORGS, pick, planLocked, PromiseModel, usedFollowUpIds,
} from './model';
import { Real } from './real';

type Cmd = fc.AsyncCommand<Model, Real>;
const coordinator = (organisationId: string): Caller => ({ role: 'coordinator', organisationId });
const signatory = (organisationId: string): Caller => ({ role: 'signatory', organisationId });
const admin: Caller = { role: 'admin', organisationId: null };
const COORDINATOR = coordinator(ORGS.municipalityA);
const SIGNATORY = signatory(ORGS.municipalityA);
const changing = (field: string) => (input: Record<string, unknown>) => ({ ...input, [field]: `${String(input[field])} (ändrad)` });
const ACTIVITY_KINDS = ['SafetyWalk', 'NightWalk', 'DetectionDogSearch'] as const;

/** A command on something the model picks when it runs: `n` chooses among what exists then. */
abstract class Picking implements Cmd {
  constructor(protected readonly n: number) {}
  abstract check(m: Readonly<Model>): boolean;
  abstract run(m: Model, r: Real): Promise<void>;
  toString(): string {
    return `${this.constructor.name}(${this.n})`;
  }
}

class DraftAgreement extends Picking {
  check = () => true;
  async run(m: Model, r: Real) {
    const id = m.nextId('so');
    const partyIds = this.n % 3 === 0 ? [ORGS.police, ORGS.municipalityA, ORGS.municipalityB] : [ORGS.police, ORGS.municipalityA];
    await r.accept(m, COORDINATOR, 'draftAgreement', { agreementId: id, title: `Överenskommelse ${id}`, partyIds, validFrom: `${FIRST_YEAR}-01-01`, validTo: '2019-12-31' }, changing('title'));
    m.agreements.push({ id, status: 'Draft', partyIds, signed: [], validTo: '2019-12-31' });
  }
}

const unsigned = (m: Readonly<Model>) => m.agreements.filter((a) => a.status === 'Draft').flatMap((a) => a.partyIds.filter((p) => !a.signed.includes(p)).map((party) => ({ a, party })));

class SignAgreement extends Picking {
  check = (m: Readonly<Model>) => unsigned(m).length > 0;
  async run(m: Model, r: Real) {
    const { a, party } = pick(unsigned(m), this.n);
    await r.accept(m, signatory(party), 'signAgreement', { agreementId: a.id, partyOrganisationId: party, signatoryName: 'N.N.', signatoryTitle: 'Firmatecknare', signedOn: '2016-12-01', place: 'Habo' }, changing('signatoryTitle'));
    a.signed.push(party);
    if (a.partyIds.every((p) => a.signed.includes(p))) a.status = 'Active';
  }
}

const active = (m: Readonly<Model>) => m.agreements.filter((a) => a.status === 'Active');
/** A newer active agreement replaces an older one; the promises under the old one go on. */
class SupersedeAgreement extends Picking {
  check = (m: Readonly<Model>) => active(m).length > 1;
  async run(m: Model, r: Real) {
    const old = pick(active(m), this.n);
    const successor = pick(active(m).filter((a) => a !== old), this.n);
    await r.accept(m, COORDINATOR, 'supersedeAgreement', { agreementId: old.id, supersededBy: successor.id, supersededOn: '2021-01-01' }, (i) => ({ ...i, supersededOn: '2021-01-02' }));
    old.status = 'Superseded';
  }
}

const plusYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

class ExtendAgreement extends Picking {
  check = (m: Readonly<Model>) => active(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(active(m), this.n);
    await r.accept(m, COORDINATOR, 'extendAgreement', { agreementId: a.id, extendedOn: '2019-10-01', newValidTo: plusYear(a.validTo), reason: 'Förlängs ett år' }, changing('reason'));
    a.validTo = plusYear(a.validTo);
  }
}

class ReviseAgreement extends Picking {
  check = (m: Readonly<Model>) => active(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(active(m), this.n);
    await r.accept(m, signatory(ORGS.police), 'reviseAgreement', { agreementId: a.id, revisedOn: '2018-03-01', reason: `Revision ${this.n}`, title: `Reviderad ${a.id}`, validFrom: `${FIRST_YEAR}-01-01`, validTo: a.validTo }, changing('reason'));
  }
}

const notEnded = (m: Readonly<Model>) => m.agreements.filter((a) => a.status === 'Draft' || a.status === 'Active');

class TerminateAgreement extends Picking {
  check = (m: Readonly<Model>) => notEnded(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(notEnded(m), this.n);
    await r.accept(m, COORDINATOR, 'terminateAgreement', { agreementId: a.id, terminatedOn: '2020-11-01', reason: 'Avslutas' }, changing('reason'));
    a.status = 'Terminated';
  }
}

/** Planned activities come from a small pool, so a revision drops some and a later one brings them back. */
const ACTIVITY_POOL = ['pa-1', 'pa-2', 'pa-3', 'pa-4'];
const plannedActivity = (id: string, version: number) => ({
  plannedActivityId: id, description: `Aktivitet ${id} (${version})`, responsibleOrganisationIds: [id === 'pa-2' ? ORGS.municipalityA : ORGS.police],
  target: version % 2 === 0 ? { quantity: version + 1, per: 'Year', text: `${version + 1} per år` } : null,
  indicators: id === 'pa-1' || version % 3 === 0 ? [{ indicatorId: `ind-${id}`, name: `Indikator ${id}`, kind: 'Output', unit: 'st', baseline: 0, target: version + 2 }] : [],
});
const indicatorsOf = (ids: string[], version: number) => ids.map((id) => plannedActivity(id, version)).flatMap((a) => a.indicators.map((i) => i.indicatorId));

class DraftPromise extends Picking {
  check = (m: Readonly<Model>) => active(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(active(m), this.n);
    const id = m.nextId('ml');
    await r.accept(m, COORDINATOR, 'draftPromise', {
      promiseId: id, agreementId: a.id, title: `Medborgarlöfte ${id}`, periodFrom: `${FIRST_YEAR}-01-01`, periodTo: `${FIRST_YEAR}-12-31`,
      focusAreas: ['Trygghet'], plannedActivities: [plannedActivity('pa-1', 0), plannedActivity('pa-2', 0)],
    }, changing('title'));
    m.promises.push({ id, agreementId: a.id, status: 'Draft', years: [FIRST_YEAR], plannedActivityIds: ['pa-1', 'pa-2'], currentActivityIds: ['pa-1', 'pa-2'], planVersion: 0, entries: [], plans: new Map(), recorded: [], finalReportsFor: [] });
  }
}

class AdoptPromise extends Picking {
  check = (m: Readonly<Model>) => m.withStatus('Draft').length > 0;
  async run(m: Model, r: Real) {
    const p = pick(m.withStatus('Draft'), this.n);
    await r.accept(m, SIGNATORY, 'adoptPromise', { promiseId: p.id, adoptedOn: '2016-12-06', place: 'Habo', signatories: [{ name: 'N.N.', title: 'KSO', organisationId: ORGS.municipalityA }] }, changing('place'));
    p.status = 'Adopted';
  }
}

class PublishPromise extends Picking {
  check = (m: Readonly<Model>) => m.withStatus('Adopted', 'Extended').length > 0;
  async run(m: Model, r: Real) {
    const p = pick(m.withStatus('Adopted', 'Extended'), this.n);
    await r.accept(m, COORDINATOR, 'publishPromise', { promiseId: p.id, publishedOn: `${currentYear(p)}-01-10`, channels: ['habo.se'] }, (i) => ({ ...i, channels: ['annan.se'] }));
    p.status = 'Published';
  }
}

/** Into the next period, sometimes with a revised plan: kept activities with new texts, dropped ones, some back again, or none. */
class ExtendPromise extends Picking {
  check = (m: Readonly<Model>) => m.running().length > 0;
  async run(m: Model, r: Real) {
    const p = pick(m.running(), this.n);
    const year = currentYear(p) + 1;
    const revised = this.n % 3 === 0 ? null : ACTIVITY_POOL.filter((_, i) => (this.n >> i) & 1);
    const version = p.planVersion + 1;
    await r.accept(m, COORDINATOR, 'extendPromise', {
      promiseId: p.id, newPeriodFrom: `${year}-01-01`, newPeriodTo: `${year}-12-31`, reason: 'Oförändrad problembild',
      revisedActivities: revised?.map((id) => plannedActivity(id, version)) ?? null,
    }, changing('reason'));
    p.status = 'Extended';
    p.years.push(year);
    if (revised) {
      p.planVersion = version;
      p.currentActivityIds = revised;
      for (const id of revised) if (!p.plannedActivityIds.includes(id)) p.plannedActivityIds.push(id);
    }
  }
}

class WithdrawPromise extends Picking {
  check = (m: Readonly<Model>) => m.open().length > 0;
  async run(m: Model, r: Real) {
    const p = pick(m.open(), this.n);
    await r.accept(m, COORDINATOR, 'withdrawPromise', { promiseId: p.id, withdrawnOn: `${currentYear(p)}-11-01`, reason: 'Ersatt' }, changing('reason'));
    p.status = 'Withdrawn';
  }
}

const reported = (m: Readonly<Model>) => m.running().filter((p) => p.finalReportsFor.includes(currentYear(p)));

class CompletePromise extends Picking {
  check = (m: Readonly<Model>) => reported(m).length > 0;
  async run(m: Model, r: Real) {
    const p = pick(reported(m), this.n);
    await r.accept(m, COORDINATOR, 'completePromise', { promiseId: p.id, completedOn: `${currentYear(p) + 1}-02-01` }, (i) => ({ ...i, completedOn: `${currentYear(p) + 1}-02-02` }));
    p.status = 'Completed';
  }
}

const unreported = (m: Readonly<Model>) => m.running().filter((p) => !p.finalReportsFor.includes(currentYear(p)));

class SubmitFinalReport extends Picking {
  check = (m: Readonly<Model>) => unreported(m).length > 0;
  async run(m: Model, r: Real) {
    const p = pick(unreported(m), this.n);
    await r.accept(m, SIGNATORY, 'submitFinalReport', { promiseId: p.id, submittedOn: `${currentYear(p) + 1}-01-15`, summary: `Slutrapport ${currentYear(p)}` }, changing('summary'));
    p.finalReportsFor.push(currentYear(p));
  }
}

/**
 * Plans the current period from the pool of ids, so ids of an earlier period come
 * up again: the domain refuses those (FOLLOW_UP_ID_ALREADY_USED) and accepts the rest.
 */
class PlanFollowUps extends Picking {
  constructor(n: number, private readonly ids: number[]) {
    super(n);
  }
  check = (m: Readonly<Model>) => m.open().some((p) => !planLocked(p));
  async run(m: Model, r: Real) {
    const p = pick(m.open().filter((x) => !planLocked(x)), this.n);
    const year = currentYear(p);
    const chosen = [...new Set(this.ids)].sort().map((i) => FOLLOW_UP_POOL[i]!);
    const input = { promiseId: p.id, followUps: chosen.map((f) => ({ followUpId: f.id, dueOn: `${year}-${f.due}`, label: f.label })), finalReportDueOn: `${year + 1}-01-31` };
    if (chosen.some((f) => usedFollowUpIds(p).includes(f.id))) {
      await r.refuse(COORDINATOR, 'planFollowUps', input, 'FOLLOW_UP_ID_ALREADY_USED');
      return;
    }
    await r.accept(m, COORDINATOR, 'planFollowUps', input, (i) => ({ ...i, finalReportDueOn: `${year + 1}-01-30` }));
    p.plans.set(year, chosen.map((f) => f.id));
  }
  override toString = () => `PlanFollowUps(${this.n}, [${this.ids}])`;
}

const toRecord = (m: Readonly<Model>) => m.running().filter((p) => currentPlan(p).some((id) => !p.recorded.includes(id)));

class RecordFollowUp extends Picking {
  check = (m: Readonly<Model>) => toRecord(m).length > 0;
  async run(m: Model, r: Real) {
    const p = pick(toRecord(m), this.n);
    const id = currentPlan(p).find((x) => !p.recorded.includes(x))!;
    await r.accept(m, COORDINATOR, 'recordFollowUp', {
      promiseId: p.id, followUpId: id, reportedOn: `${currentYear(p)}-10-01`, summary: `Uppföljning ${id}`,
      activityStatuses: p.currentActivityIds.map((id, i) => ({ plannedActivityId: id, status: pick(['OnTrack', 'Behind', 'Done'], this.n + i) })),
      measurements: indicatorsOf(p.currentActivityIds, p.planVersion).map((indicatorId, i) => ({ indicatorId, value: (this.n + i) % 7, measuredOn: `${currentYear(p)}-09-30` })),
      communicationChannels: ['habo.se'],
    }, changing('summary'));
    p.recorded.push(id);
  }
}

function entryInput(p: PromiseModel, entryId: string, n: number) {
  const responsible = n % 2 === 0 ? ORGS.police : ORGS.municipalityA;
  const year = pick(p.years, n);
  const plannedActivityId = n % 3 === 0 ? null : pick(p.plannedActivityIds, n);
  return {
    promiseId: p.id, entryId, date: `${year}-06-${String((n % 28) + 1).padStart(2, '0')}`, kind: pick(ACTIVITY_KINDS, n),
    responsibleOrganisationId: responsible, count: (n % 4) + 1, plannedActivityId, notes: `Anteckning ${n}`,
  };
}

class LogActivity extends Picking {
  check = (m: Readonly<Model>) => m.running().length > 0;
  async run(m: Model, r: Real) {
    const p = pick(m.running(), this.n);
    const input = entryInput(p, `e${p.entries.length + 1}`, this.n);
    await r.accept(m, coordinator(input.responsibleOrganisationId), 'logActivity', input, (i) => ({ ...i, count: Number(i.count) + 1 }));
    p.entries.push({ id: input.entryId, responsible: input.responsibleOrganisationId, superseded: false });
  }
}

const correctable = (m: Readonly<Model>) => m.running().flatMap((p) => p.entries.filter((e) => !e.superseded).map((e) => ({ p, e })));

class CorrectActivity extends Picking {
  check = (m: Readonly<Model>) => correctable(m).length > 0;
  async run(m: Model, r: Real) {
    const { p, e } = pick(correctable(m), this.n);
    // A correction is made by, and stays with, the organisation responsible for the entry (issue 13).
    const input = { ...entryInput(p, `e${p.entries.length + 1}`, this.n + 1), responsibleOrganisationId: e.responsible, correctsEntryId: e.id, reason: 'Fel antal' };
    await r.accept(m, coordinator(input.responsibleOrganisationId), 'correctActivity', input, changing('reason'));
    e.superseded = true;
    p.entries.push({ id: input.entryId, responsible: input.responsibleOrganisationId, superseded: false });
  }
}

class StartAssessment extends Picking {
  check = (m: Readonly<Model>) => active(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(active(m), this.n);
    const id = m.nextId('lb');
    await r.accept(m, COORDINATOR, 'startAssessment', { assessmentId: id, title: `Lägesbild ${id}`, agreementId: a.id, periodFrom: `${FIRST_YEAR}-01-01`, periodTo: `${FIRST_YEAR}-12-31` }, changing('title'));
    m.assessments.push({ id, agreementId: a.id, completed: false, sources: 0, problems: [], focusAreas: [] });
  }
}

const inProgress = (m: Readonly<Model>) => m.assessments.filter((a) => !a.completed);

/** A source, a problem, or (once problems exist) the focus areas again: sources and problems grow, priorities are replaced. */
class WorkOnAssessment extends Picking {
  check = (m: Readonly<Model>) => inProgress(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(inProgress(m), this.n);
    const step = this.n % 3;
    if (step === 0) {
      const [by, kind] = this.n % 2 === 0 ? [ORGS.police, 'ReportedCrime'] : [ORGS.municipalityA, 'SafetySurvey'];
      await r.accept(m, coordinator(by), 'addAssessmentSource', { assessmentId: a.id, sourceId: `src-${++a.sources}`, kind, summary: `Källa ${a.sources}`, providedByOrganisationId: by }, changing('summary'));
    } else if (step === 1 || a.problems.length === 0) {
      const problemId = `prob-${a.problems.length + 1}`;
      await r.accept(m, COORDINATOR, 'identifyProblem', { assessmentId: a.id, problemId, description: `Problem ${problemId}`, causeAnalysis: 'Orsak' }, changing('description'));
      a.problems.push(problemId);
    } else {
      const focusAreas = ['fa-1', 'fa-2', 'fa-3'].filter((_, i) => i === 0 || (this.n >> i) & 1);
      await r.accept(m, COORDINATOR, 'prioritiseFocusAreas', {
        assessmentId: a.id, focusAreas: focusAreas.map((focusAreaId, i) => ({ focusAreaId, name: `Fokus ${focusAreaId}`, problemIds: [pick(a.problems, this.n + i)] })),
      }, (i) => ({ ...i, focusAreas: (i.focusAreas as { name: string }[]).map((f) => ({ ...f, name: `${f.name} (ändrad)` })) }));
      a.focusAreas = focusAreas;
    }
  }
}

const completable = (m: Readonly<Model>) => inProgress(m).filter((a) => a.sources > 0 && a.problems.length > 0 && a.focusAreas.length > 0);

class CompleteAssessment extends Picking {
  check = (m: Readonly<Model>) => completable(m).length > 0;
  async run(m: Model, r: Real) {
    const a = pick(completable(m), this.n);
    await r.accept(m, COORDINATOR, 'completeAssessment', { assessmentId: a.id, completedOn: '2016-11-15' }, (i) => ({ ...i, completedOn: '2016-11-16' }));
    a.completed = true;
  }
}

const linkable = (m: Readonly<Model>) => m.open().flatMap((p) => m.assessments.filter((a) => a.focusAreas.length > 0 && a.agreementId === p.agreementId).map((a) => ({ p, a })));

class LinkFocusAreas extends Picking {
  check = (m: Readonly<Model>) => linkable(m).length > 0;
  async run(m: Model, r: Real) {
    const { p, a } = pick(linkable(m), this.n);
    await r.accept(m, COORDINATOR, 'linkFocusAreas', { promiseId: p.id, assessmentId: a.id, focusAreaIds: a.focusAreas.slice(0, 1 + (this.n % a.focusAreas.length)) }, (i) => ({ ...i, focusAreaIds: ['fa-none'] }));
  }
}

class AppointPerson extends Picking {
  check = () => true;
  async run(m: Model, r: Real) {
    const [organisationId, role] = this.n % 2 === 0 ? [ORGS.police, 'LocalPoliceAreaChief'] : [ORGS.municipalityA, 'ExecutiveBoardChair'];
    const personId = m.nextId('p');
    await r.accept(m, admin, 'appointPerson', { organisationId, personId, name: `Person ${personId}`, role, appointedOn: '2015-01-01' }, changing('name'));
    m.people.push({ organisationId, personId, removed: false });
  }
}

class RemovePerson extends Picking {
  check = (m: Readonly<Model>) => m.people.some((p) => !p.removed);
  async run(m: Model, r: Real) {
    const person = pick(m.people.filter((p) => !p.removed), this.n);
    await r.accept(m, admin, 'removePerson', { organisationId: person.organisationId, personId: person.personId, removedOn: '2018-06-30', reason: 'Ny tjänst' }, changing('reason'));
    person.removed = true;
  }
}

/** The same command with the same command id again (a client retrying): the same answer, nothing stored. */
class Retry extends Picking {
  check = (m: Readonly<Model>) => m.sent.length > 0;
  async run(m: Model, r: Real) {
    const sent = pick(m.sent, this.n);
    const before = await r.head();
    const response = await r.send(sent.caller, sent.mutation, sent.input);
    if (response.errors?.length || JSON.stringify(response.data) !== JSON.stringify(sent.answer)) {
      throw new Error(`Retrying ${sent.mutation} ${JSON.stringify(sent.input)} answered ${JSON.stringify(response)}, first ${JSON.stringify(sent.answer)}`);
    }
    if ((await r.head()) !== before) throw new Error(`Retrying ${sent.mutation} stored events again`);
  }
}

/** The same command id with another payload: IDEMPOTENCY_KEY_REUSED, nothing stored. */
class ReuseCommandId extends Picking {
  check = (m: Readonly<Model>) => m.sent.length > 0;
  async run(m: Model, r: Real) {
    const sent = pick(m.sent, this.n);
    const before = await r.head();
    const response = await r.send(sent.caller, sent.mutation, sent.changed);
    const codes = response.errors?.map((e) => e.extensions?.code);
    if (JSON.stringify(codes) !== '["IDEMPOTENCY_KEY_REUSED"]') throw new Error(`Reusing the id of ${sent.mutation} with ${JSON.stringify(sent.changed)} answered ${JSON.stringify(response)}`);
    if ((await r.head()) !== before) throw new Error(`Reusing the id of ${sent.mutation} stored events`);
  }
}

/**
 * Several commands in flight at once: entries on promises (the same stream too)
 * and a retry of the first sent alongside it. All succeed; the retry stores nothing more.
 */
class Concurrently extends Picking {
  constructor(n: number, private readonly picks: number[]) {
    super(n);
  }
  check = (m: Readonly<Model>) => m.running().length > 0;
  async run(m: Model, r: Real) {
    const logs = this.picks.map((n, i) => {
      const p = pick(m.running(), n);
      return { p, input: entryInput(p, `e${p.entries.length + 1}-c${i}`, n) };
    });
    const before = m.sent.length;
    await Promise.all(logs.map(({ input }) => r.accept(m, coordinator(input.responsibleOrganisationId), 'logActivity', input, (i) => ({ ...i, count: Number(i.count) + 1 }))));
    const first = m.sent[before]!;
    const [again, alsoAgain] = await Promise.all([r.send(first.caller, first.mutation, first.input), r.send(first.caller, first.mutation, first.input)]);
    for (const response of [again, alsoAgain]) {
      if (JSON.stringify(response.data) !== JSON.stringify(first.answer)) throw new Error(`Concurrent retries answered ${JSON.stringify(response)}`);
    }
    for (const { p, input } of logs) p.entries.push({ id: input.entryId, responsible: input.responsibleOrganisationId, superseded: false });
  }
  override toString = () => `Concurrently([${this.picks}])`;
}

/** Commands the domain must refuse, each with its own code, storing nothing. */
type Refusal = { applies(m: Readonly<Model>): boolean; send(m: Readonly<Model>, r: Real, n: number): Promise<void> };
const REFUSALS: Record<string, Refusal> = {
  outsidePeriod: {
    applies: (m) => m.running().length > 0,
    send: (m, r, n) => {
      const p = pick(m.running(), n);
      return r.refuse(COORDINATOR, 'logActivity', { ...entryInput(p, 'e-outside', 1), date: `${FIRST_YEAR - 1}-06-01` }, 'ACTIVITY_OUTSIDE_PERIOD');
    },
  },
  entryIdAgain: {
    applies: (m) => m.running().some((p) => p.entries.length > 0),
    send: (m, r, n) => {
      const p = pick(m.running().filter((x) => x.entries.length > 0), n);
      const e = pick(p.entries, n);
      return r.refuse(coordinator(ORGS.police), 'logActivity', { ...entryInput(p, e.id, 0), notes: 'Annat' }, 'ACTIVITY_ALREADY_LOGGED');
    },
  },
  correctTwice: {
    applies: (m) => m.running().some((p) => p.entries.some((e) => e.superseded)),
    send: (m, r, n) => {
      const p = pick(m.running().filter((x) => x.entries.some((e) => e.superseded)), n);
      const e = p.entries.find((x) => x.superseded)!;
      // As the entry's own organisation, so the refusal is about the second correction, not about who asks.
      const input = { ...entryInput(p, 'e-twice', 0), responsibleOrganisationId: e.responsible, correctsEntryId: e.id, reason: 'Igen' };
      return r.refuse(coordinator(e.responsible), 'correctActivity', input, 'ACTIVITY_ALREADY_CORRECTED');
    },
  },
  recordTwice: {
    applies: (m) => m.running().some((p) => currentPlan(p).some((id) => p.recorded.includes(id))),
    send: (m, r, n) => {
      const p = pick(m.running().filter((x) => currentPlan(x).some((id) => x.recorded.includes(id))), n);
      const id = currentPlan(p).find((x) => p.recorded.includes(x))!;
      return r.refuse(COORDINATOR, 'recordFollowUp', { promiseId: p.id, followUpId: id, reportedOn: `${currentYear(p)}-11-01`, summary: 'Igen' }, 'FOLLOW_UP_ALREADY_RECORDED');
    },
  },
  recordUnplanned: {
    applies: (m) => m.running().length > 0,
    send: (m, r, n) => r.refuse(COORDINATOR, 'recordFollowUp', { promiseId: pick(m.running(), n).id, followUpId: 'ingen', reportedOn: '2017-11-01', summary: 'Ingen' }, 'FOLLOW_UP_NOT_PLANNED'),
  },
  completeUnreported: {
    applies: (m) => unreported(m).length > 0,
    send: (m, r, n) => r.refuse(COORDINATOR, 'completePromise', { promiseId: pick(unreported(m), n).id, completedOn: '2030-01-01' }, 'FINAL_REPORT_MISSING'),
  },
  extendWithGap: {
    applies: (m) => m.running().length > 0,
    send: (m, r, n) => {
      const p = pick(m.running(), n);
      const year = currentYear(p) + 2;
      return r.refuse(COORDINATOR, 'extendPromise', { promiseId: p.id, newPeriodFrom: `${year}-01-01`, newPeriodTo: `${year}-12-31`, reason: 'Glapp' }, 'PERIOD_MUST_FOLLOW');
    },
  },
  draftUnderInactive: {
    applies: (m) => m.agreements.some((a) => a.status !== 'Active'),
    send: (m, r, n) => {
      const a: AgreementModel = pick(m.agreements.filter((x) => x.status !== 'Active'), n);
      return r.refuse(COORDINATOR, 'draftPromise', { promiseId: `${a.id}-ml`, agreementId: a.id, title: 'T', periodFrom: '2017-01-01', periodTo: '2017-12-31', focusAreas: ['F'], plannedActivities: [] }, 'AGREEMENT_NOT_ACTIVE');
    },
  },
  signActive: {
    applies: (m) => active(m).length > 0,
    send: (m, r, n) => r.refuse(signatory(ORGS.police), 'signAgreement', { agreementId: pick(active(m), n).id, partyOrganisationId: ORGS.police, signatoryName: 'N.N.', signatoryTitle: 'T', signedOn: '2017-01-01' }, 'ALREADY_SIGNED'),
  },
};

class Refused extends Picking {
  check = (m: Readonly<Model>) => Object.values(REFUSALS).some((x) => x.applies(m));
  async run(m: Model, r: Real) {
    const [name, refusal] = pick(Object.entries(REFUSALS).filter(([, x]) => x.applies(m)), this.n);
    this.last = name;
    await refusal.send(m, r, this.n);
  }
  private last = '';
  override toString = () => `Refused(${this.n}${this.last ? `: ${this.last}` : ''})`;
}

const n = fc.nat(1000);
const followUpIds = fc.array(fc.integer({ min: 0, max: FOLLOW_UP_POOL.length - 1 }), { minLength: 1, maxLength: 3 });
/** fc.commands draws each kind alike: listing a kind k times weights it k times. */
const times = <T>(k: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T>[] => Array.from({ length: k }, () => arbitrary);
/** Weighted towards what builds up state (periods, entries, plans) over what ends it (withdraw, complete, terminate). */
export const COMMANDS: fc.Arbitrary<Cmd>[] = [
  n.map((x) => new DraftAgreement(x)),
  ...times(2, n.map((x) => new SignAgreement(x))),
  n.map((x) => new ExtendAgreement(x)),
  n.map((x) => new ReviseAgreement(x)),
  n.map((x) => new TerminateAgreement(x)),
  n.map((x) => new SupersedeAgreement(x)),
  n.map((x) => new DraftPromise(x)),
  n.map((x) => new AdoptPromise(x)),
  n.map((x) => new PublishPromise(x)),
  ...times(3, n.map((x) => new ExtendPromise(x))),
  n.map((x) => new WithdrawPromise(x)),
  n.map((x) => new CompletePromise(x)),
  ...times(2, n.map((x) => new SubmitFinalReport(x))),
  ...times(4, fc.tuple(n, followUpIds).map(([x, ids]) => new PlanFollowUps(x, ids))),
  ...times(4, n.map((x) => new RecordFollowUp(x))),
  ...times(3, n.map((x) => new LogActivity(x))),
  ...times(2, n.map((x) => new CorrectActivity(x))),
  n.map((x) => new StartAssessment(x)),
  ...times(5, n.map((x) => new WorkOnAssessment(x))),
  n.map((x) => new CompleteAssessment(x)),
  n.map((x) => new LinkFocusAreas(x)),
  n.map((x) => new AppointPerson(x)),
  n.map((x) => new RemovePerson(x)),
  n.map((x) => new Retry(x)),
  ...times(2, n.map((x) => new ReuseCommandId(x))),
  ...times(2, fc.tuple(n, fc.array(n, { minLength: 2, maxLength: 4 })).map(([x, picks]) => new Concurrently(x, picks))),
  ...times(2, n.map((x) => new Refused(x))),
];

/** Where every run starts: an active agreement with an adopted promise and an assessment with a focus area, so random sequences reach deep states soon. */
export const PRELUDE: Cmd[] = [
  new DraftAgreement(1), new SignAgreement(0), new SignAgreement(0), new DraftPromise(0), new AdoptPromise(0),
  new StartAssessment(0), new WorkOnAssessment(0), new WorkOnAssessment(1), new WorkOnAssessment(2),
];
