import { createHash } from 'node:crypto';
import { GraphQLResolveInfo, print } from 'graphql';
import { PersonalDataReadCount } from './personal-data-read.event';
import { fallbackSubject, PUBLIC_WHEN_PUBLISHED, ReadSubject, SUBJECT_TYPES } from './read-subjects';

const PENDING = Symbol('personalDataReads');
const SUBJECTS = Symbol('readSubjects');
/** Ids and names are short; anything longer is clipped so no entry grows with what a client sends. */
export const MAX_ID_CHARS = 80;
export const MAX_OPERATION_NAME_CHARS = 100;

type Path = GraphQLResolveInfo['path'];

/** What one operation has read so far; kept on its GraphQL context and written once, when it resolves. */
export interface PendingReads {
  operationName: string | null;
  documentHash: string;
  /** One count per (subject, field). */
  counts: Map<string, PersonalDataReadCount>;
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max));

/**
 * Called for every field of a subject type: remembers, by the response path object of the parent
 * (graphql-js hands all its fields the same one), whom the data below it is about.
 */
export function noteSubject(context: object, info: GraphQLResolveInfo, source: unknown): void {
  const rule = SUBJECT_TYPES[info.parentType.name];
  if (!rule || !info.path.prev || !source || typeof source !== 'object') return;
  const holder = context as { [SUBJECTS]?: WeakMap<Path, ReadSubject> };
  const subjects = (holder[SUBJECTS] ??= new WeakMap());
  if (!subjects.has(info.path.prev)) {
    const subject = rule(source as Record<string, unknown>);
    if (subject) subjects.set(info.path.prev, subject);
  }
}

function nearestSubject(context: object, info: GraphQLResolveInfo): ReadSubject | undefined {
  const subjects = (context as { [SUBJECTS]?: WeakMap<Path, ReadSubject> })[SUBJECTS];
  if (!subjects) return undefined;
  for (let p: Path | undefined = info.path.prev; p; p = p.prev) {
    const subject = subjects.get(p);
    if (subject) return subject;
  }
  return undefined;
}

const documentHashOf = (info: GraphQLResolveInfo) =>
  createHash('sha256').update([info.operation, ...Object.values(info.fragments)].map((node) => print(node)).join('\n')).digest('hex');

/** Counts a personal-data field returned; names of signatories of a published document are public and not counted. */
export function notePersonalDataRead(context: object, field: string, info: GraphQLResolveInfo, source: unknown): void {
  const subject = nearestSubject(context, info);
  if (subject?.published && PUBLIC_WHEN_PUBLISHED.has(field)) return;
  const subjectId = clip(subject?.id ?? fallbackSubject(source, info.parentType.name), MAX_ID_CHARS);
  const holder = context as { [PENDING]?: PendingReads };
  const pending = (holder[PENDING] ??= {
    operationName: info.operation.name ? clip(info.operation.name.value, MAX_OPERATION_NAME_CHARS) : null,
    documentHash: documentHashOf(info),
    counts: new Map(),
  });
  const key = `${subjectId}\u0000${field}`;
  const count = pending.counts.get(key);
  if (count) count.count++;
  else pending.counts.set(key, { subjectId, field, count: 1 });
}

/** Takes (and clears) what the operation read. */
export function takePendingReads(context: object): PendingReads | undefined {
  const holder = context as { [PENDING]?: PendingReads };
  const pending = holder[PENDING];
  delete holder[PENDING];
  return pending;
}
