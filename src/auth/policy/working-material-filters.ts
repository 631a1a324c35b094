import { denied } from '../auth-errors';
import { hasRole, Viewer } from '../identity';
import { ResultContext, ResultFilter } from './result-filters';
import { mayReadNonPublic } from './visibility';

type Connection<T> = { edges: { cursor: string; node: T }[]; pageInfo: unknown };
type Assessment = { agreementId: string | null };

/**
 * Situation assessments (lägesbild) are working material, not published: the
 * parties of their agreement and auditors read them. One started without an
 * agreement names no parties yet, so any party-role person may read it (a gap
 * until the domain records who owns it).
 */
async function canSeeAssessment(assessment: Assessment, { viewer, parties }: ResultContext): Promise<boolean> {
  if (hasRole(viewer, 'auditor')) return true;
  if (!assessment.agreementId) return hasRole(viewer, 'member', 'signatory', 'coordinator');
  return mayReadNonPublic(viewer, (await parties.agreementParties(assessment.agreementId)) ?? []);
}

export const assessmentOrError: ResultFilter = async (result, context) => {
  if (result == null || (await canSeeAssessment(result as Assessment, context))) return result;
  throw denied(context.viewer !== null, 'Only the parties of its agreement and auditors may read this assessment');
};

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
