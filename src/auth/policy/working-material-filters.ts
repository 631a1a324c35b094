import { hasRole, Viewer } from '../identity';
import { ResultContext, ResultFilter } from './result-filters';
import { mayReadNonPublic } from './visibility';

type Connection<T> = { edges: { cursor: string; node: T }[]; pageInfo: unknown };
type Assessment = { agreementId: string | null; startedByOrganisationId?: string | null };

/**
 * Situation assessments (lägesbild) are working material, not published: the
 * parties of their agreement and auditors read them; one started without an
 * agreement, the organisation that started it (one recorded before owners
 * were: auditors only).
 */
async function canSeeAssessment(assessment: Assessment, { viewer, parties }: ResultContext): Promise<boolean> {
  if (hasRole(viewer, 'auditor')) return true;
  if (!assessment.agreementId) return mayReadNonPublic(viewer, assessment.startedByOrganisationId ? [assessment.startedByOrganisationId] : []);
  return mayReadNonPublic(viewer, (await parties.agreementParties(assessment.agreementId)) ?? []);
}

/** One the viewer may not read answers as an id that does not exist (null), so outsiders cannot tell which ids are in use. */
export const assessmentOrNull: ResultFilter = async (result, context) =>
  result == null || (await canSeeAssessment(result as Assessment, context)) ? result : null;

export const visibleAssessments: ResultFilter = async (result, context) => {
  const connection = result as Connection<Assessment> | null;
  if (!connection) return connection;
  const visible = await Promise.all(connection.edges.map((edge) => canSeeAssessment(edge.node, context)));
  return { ...connection, edges: connection.edges.filter((_, i) => visible[i]) };
};

type Deadline = { promiseId: string | null; agreementId: string | null };

/** Deadlines are internal planning: each one only for the parties of its promise or agreement (auditors: all). */
export const ownDeadlines: ResultFilter = async (result, { viewer, parties }) => {
  const connection = result as Connection<Deadline> | null;
  if (!connection || hasRole(viewer, 'auditor')) return connection;
  const promiseIds = connection.edges.map((e) => e.node.promiseId).filter((id): id is string => !!id);
  const promiseParties = await parties.promiseParties([...new Set(promiseIds)]);
  const visible = await Promise.all(
    connection.edges.map(async ({ node }) => {
      if (node.promiseId) return mayReadNonPublic(viewer, promiseParties.get(node.promiseId) ?? []);
      if (node.agreementId) return mayReadNonPublic(viewer, (await parties.agreementParties(node.agreementId)) ?? []);
      return false;
    }),
  );
  return { ...connection, edges: connection.edges.filter((_, i) => visible[i]) };
};

/** Names of the people in an organisation: for that organisation, auditors and administrators; others get an empty list. */
export const peopleOfOwnOrganisation: ResultFilter = (result, { viewer, parent }) => {
  const organisationId = (parent as { id?: string } | null)?.id;
  const entitled = hasRole(viewer, 'auditor', 'admin') || (!!organisationId && (viewer as Viewer)?.organisationId === organisationId);
  return entitled ? result : [];
};
